using Rollup.Circuits.State;
using Rollup.Circuits.Tables;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.StateTree;

/// <summary>
/// What the state-tree regions need from the sorted read/write table, on its rows: where each storage slot's and
/// account field's accesses start (its <c>prev</c> there is the value before the batch), the value its last access
/// leaves (carried back to the first row, so one lookup per key binds both ends), and how many keys the regions must
/// prove: one per storage slot and one per account address. The last access's value is what counts: a failed
/// transaction's writes are undone by later writes to the same key, which sort after them.
/// </summary>
public sealed class RwKeyEnds
{
    /// <summary>1 on the first row of each storage slot.</summary>
    public Column FirstStorage { get; }
    /// <summary>1 on the first row of each account field.</summary>
    public Column FirstAccount { get; }
    /// <summary>1 on the first account-field row of each address.</summary>
    public Column FirstAddress { get; }
    /// <summary>1 when the next row is the same key (active, only the counter changed).</summary>
    public Column SameNext { get; }
    /// <summary>On storage and account rows: the key's last value in the table (lo, hi limbs).</summary>
    public Column FinalLo { get; }
    public Column FinalHi { get; }
    /// <summary>Storage slots and account addresses up to this row.</summary>
    public Column Keys { get; }
    /// <summary>The number of storage slots and account addresses, the same on every row (the regions count to it).</summary>
    public Column KeysTotal { get; }

    public IEnumerable<Column> AdviceColumns => [FirstStorage, FirstAccount, FirstAddress, SameNext, FinalLo, FinalHi, Keys, KeysTotal];

    private readonly StateCircuit _state;

    public RwKeyEnds(ConstraintSystem cs, RwTable rw, StateCircuit state)
    {
        _state = state;
        FirstStorage = cs.Advice("st_first_storage");
        FirstAccount = cs.Advice("st_first_account");
        FirstAddress = cs.Advice("st_first_address");
        SameNext = cs.Advice("st_same_next");
        FinalLo = cs.Advice("st_final_lo");
        FinalHi = cs.Advice("st_final_hi");
        Keys = cs.Advice("st_keys");
        KeysTotal = cs.Advice("st_keys_total");

        var all = state.QFirst.Cur + state.QSecond.Cur + state.QLater.Cur;
        var notFirst = state.QSecond.Cur + state.QLater.Cur;
        var active = rw.Active.Cur;
        var fd = state.FirstDifferent;
        // The first-difference flags are pinned to zero on row 1, so row 1 starts a key (and an address) as it should.
        var newKey = 1 - fd[StateCircuit.Components - 1].Cur;
        var newAddress = 1 - fd[3].Cur - fd[4].Cur - fd[5].Cur;
        var keyed = state.IsStorage.Cur + state.IsAccount.Cur;
        var polys = new List<(string, Expression)>
        {
            ("first storage row = active · storage · new key", all * (FirstStorage.Cur - active * state.IsStorage.Cur * newKey)),
            ("first account row = active · account · new key", all * (FirstAccount.Cur - active * state.IsAccount.Cur * newKey)),
            ("first address row = active · account · new address", all * (FirstAddress.Cur - active * state.IsAccount.Cur * newAddress)),
            ("same_next = the next row continues the key", all * (SameNext.Cur - rw.Active.Next * fd[StateCircuit.Components - 1].Next)),
            ("the final value is the next row's within a key, else this row's (lo)",
                all * keyed * (FinalLo.Cur - rw.ValueLo.Cur - SameNext.Cur * (FinalLo.Next - rw.ValueLo.Cur))),
            ("the final value is the next row's within a key, else this row's (hi)",
                all * keyed * (FinalHi.Cur - rw.ValueHi.Cur - SameNext.Cur * (FinalHi.Next - rw.ValueHi.Cur))),
            ("no final value off storage and account rows (lo)", all * (1 - keyed) * FinalLo.Cur),
            ("no final value off storage and account rows (hi)", all * (1 - keyed) * FinalHi.Cur),
            ("the key count starts at zero", state.QFirst.Cur * Keys.Cur),
            ("the key count adds each slot and each address", notFirst * (Keys.Cur - Keys.Prev - FirstStorage.Cur - FirstAddress.Cur)),
            ("the key total is the same on every row", notFirst * (KeysTotal.Cur - KeysTotal.Prev)),
            ("the key total is the count at the last row", state.QLastRow.Cur * (Keys.Cur - KeysTotal.Cur)),
        };
        cs.Gate("state transition: key ends in the read/write table", polys.ToArray());
    }

    /// <summary>Fills the columns from what the state circuit assigned (its flags and the sorted table).</summary>
    public void Assign(Assignment a, RwTable rw)
    {
        var fd = _state.FirstDifferent;
        int keys = 0;
        for (int row = 0; row < a.Rows; row++)
        {
            bool active = !a[rw.Active, row].IsZero;
            bool storage = active && !a[_state.IsStorage, row].IsZero, account = active && !a[_state.IsAccount, row].IsZero;
            bool newKey = a[fd[StateCircuit.Components - 1], row].IsZero;
            bool newAddress = a[fd[3], row].IsZero && a[fd[4], row].IsZero && a[fd[5], row].IsZero;
            bool firstStorage = storage && newKey, firstAccount = account && newKey, firstAddress = account && newAddress;
            a.Assign(FirstStorage, row, firstStorage ? 1UL : 0UL);
            a.Assign(FirstAccount, row, firstAccount ? 1UL : 0UL);
            a.Assign(FirstAddress, row, firstAddress ? 1UL : 0UL);
            int next = a.Wrap(row + 1);
            bool sameNext = !a[rw.Active, next].IsZero && !a[fd[StateCircuit.Components - 1], next].IsZero;
            a.Assign(SameNext, row, sameNext ? 1UL : 0UL);
            keys += (firstStorage ? 1 : 0) + (firstAddress ? 1 : 0);
            a.Assign(Keys, row, (ulong)keys);
        }
        for (int row = 0; row < a.Rows; row++) a.Assign(KeysTotal, row, (ulong)keys);
        // Finals run backwards: a key's last row holds its value, earlier rows copy the next.
        for (int row = a.Rows - 1; row >= 0; row--)
        {
            bool keyed = !a[rw.Active, row].IsZero && (!a[_state.IsStorage, row].IsZero || !a[_state.IsAccount, row].IsZero);
            if (!keyed) continue;
            bool sameNext = !a[SameNext, row].IsZero;
            a[FinalLo, row] = sameNext ? a[FinalLo, row + 1] : a[rw.ValueLo, row];
            a[FinalHi, row] = sameNext ? a[FinalHi, row + 1] : a[rw.ValueHi, row];
        }
    }
}
