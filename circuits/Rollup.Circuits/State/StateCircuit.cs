using System.Numerics;
using Rollup.Circuits.Tables;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.State;

/// <summary>Proves the read/write table consistent. Its rows 1..N hold the accesses sorted by (tag, id, address,
/// key_hi, key_lo, rw_counter); row 0 and rows after N are inactive. Between consecutive active rows, a one-hot flag
/// names the first component that changes, every earlier component is equal, and the change minus one is a
/// non-negative 160-bit number (20 range-checked bytes) — so keys never repeat after they end. Within one key
/// (only the counter changed), each access's previous value is the last value, and a read keeps the value; a key's
/// first access starts from zero for stack, memory, call context, transient storage, access lists and refunds, and
/// from the state tree's value for storage and account fields (bound by the state-tree circuit).</summary>
public sealed class StateCircuit
{
    public const int Components = 6;   // tag, id, address, key_hi, key_lo, counter
    public const int DiffBytes = 20;   // 160 bits: the widest component (the address)

    public RwTable Table { get; }
    public Column QFirst { get; }      // row 0
    public Column QSecond { get; }     // row 1
    public Column QLater { get; }      // rows ≥ 2
    public Column Active { get; }
    public Column[] FirstDifferent { get; }
    public Column[] Diff { get; }
    public Column IsStorage { get; }
    public Column StorageInverse { get; }
    public Column IsAccount { get; }
    public Column AccountInverse { get; }
    public Column ZeroInitFirst { get; }
    /// <summary>Storage's committed value (EIP-2200's original: the slot's value when the transaction began). Same tx as
    /// the row before (1/0), the inverse of the tx difference, "same key and same tx" (committed carries on) and "a
    /// storage row that starts its key in its transaction" (committed is the value before the access).</summary>
    public Column SameTx { get; }
    public Column TxInverse { get; }
    public Column CommittedKept { get; }
    public Column CommittedFresh { get; }
    public Column QLastRow { get; }
    /// <summary>Active rows up to and including this one.</summary>
    public Column Count { get; }
    /// <summary>The number of active rows, the same on every row, so another circuit can read it anywhere: the EVM
    /// circuit requires it to equal its last read/write counter (see <see cref="SuperCircuit"/>).</summary>
    public Column Total { get; }

    public StateCircuit(ConstraintSystem cs, RwTable table, ByteTable bytes)
    {
        Table = table;
        QFirst = cs.Selector("state_q_first");
        QSecond = cs.Selector("state_q_second");
        QLater = cs.Selector("state_q_later");
        Active = table.Active;
        FirstDifferent = Enumerable.Range(0, Components).Select(i => cs.Advice($"state_first_diff_{i}")).ToArray();
        Diff = Enumerable.Range(0, DiffBytes).Select(i => cs.Advice($"state_diff_{i}")).ToArray();
        IsStorage = cs.Advice("state_is_storage");
        StorageInverse = cs.Advice("state_storage_inverse");
        IsAccount = cs.Advice("state_is_account");
        AccountInverse = cs.Advice("state_account_inverse");
        ZeroInitFirst = cs.Advice("state_zero_init_first");
        SameTx = cs.Advice("state_same_tx");
        TxInverse = cs.Advice("state_tx_inverse");
        CommittedKept = cs.Advice("state_committed_kept");
        CommittedFresh = cs.Advice("state_committed_fresh");
        QLastRow = cs.Selector("state_q_last_row");
        Count = cs.Advice("state_count");
        Total = cs.Advice("state_total");

        var active = Active.Cur;
        var later = QLater.Cur * active;
        var components = new[] { table.Tag, table.Id, table.Address, table.KeyHi, table.KeyLo, table.RwCounter };

        cs.Gate("state: active rows",
            ("active is a bit", (QFirst.Cur + QSecond.Cur + QLater.Cur) * active * (1 - active)),
            ("row 0 is inactive", QFirst.Cur * active),
            ("active rows come first", QLater.Cur * active * (1 - Active.Prev)));

        cs.Gate("state: active rows are counted",
            ("the count starts at zero", QFirst.Cur * Count.Cur),
            ("the count adds each active row", (QSecond.Cur + QLater.Cur) * (Count.Cur - Count.Prev - active)),
            ("the total is the same on every row", (QSecond.Cur + QLater.Cur) * (Total.Cur - Total.Prev)),
            ("the total is the count at the last row", QLastRow.Cur * (Count.Cur - Total.Cur)));

        // Row 1 has no predecessor: its first-difference flags and difference bytes are read by nothing, so pin them.
        cs.Gate("state: row 1 has no predecessor",
            FirstDifferent.Concat(Diff).Concat([SameTx, TxInverse, CommittedKept]).Select(c => ($"{c.Name} is zero on row 1", QSecond.Cur * c.Cur)).ToArray());

        var order = new List<(string, Expression)>();
        Expression flagSum = Expression.Constant(0);
        for (int k = 0; k < Components; k++)
        {
            var d = FirstDifferent[k].Cur;
            order.Add(($"first-difference flag {k} is a bit", later * d * (1 - d)));
            flagSum += d;
        }
        order.Add(("exactly one component changes first", later * (flagSum - 1)));
        for (int j = 0; j < Components - 1; j++)
        {
            Expression laterFlags = Expression.Constant(0);
            for (int k = j + 1; k < Components; k++) laterFlags += FirstDifferent[k].Cur;
            order.Add(($"component {j} is unchanged when a later one changes first", later * laterFlags * (components[j].Cur - components[j].Prev)));
        }
        Expression increase = Expression.Constant(0);
        for (int k = 0; k < Components; k++) increase += FirstDifferent[k].Cur * (components[k].Cur - components[k].Prev);
        Expression bytesValue = Diff[DiffBytes - 1].Cur;
        for (int i = DiffBytes - 2; i >= 0; i--) bytesValue = bytesValue * 256 + Diff[i].Cur;
        order.Add(("the first changed component increases by 1 + a 160-bit number", later * (increase - 1 - bytesValue)));
        cs.Gate("state: sorted by key, then counter", order.ToArray());
        for (int i = 0; i < DiffBytes; i += 2)
            cs.LookupGroup($"state diff bytes {i},{i + 1}", [(null, [Diff[i].Cur]), (null, [Diff[i + 1].Cur])], [bytes.Column.Cur]);

        // Tag classes: storage and account fields start from the tree; everything else from zero.
        var anyActive = (QSecond.Cur + QLater.Cur) * active;
        var storageTag = table.Tag.Cur - (long)RwTag.Storage;
        var accountTag = table.Tag.Cur - (long)RwTag.Account;
        var sameKey = FirstDifferent[Components - 1].Cur;
        cs.Gate("state: values",
            ("is_storage = (tag == storage)", anyActive * (IsStorage.Cur - (1 - storageTag * StorageInverse.Cur))),
            ("is_storage means tag == storage", anyActive * storageTag * IsStorage.Cur),
            ("storage inverse is pinned", anyActive * StorageInverse.Cur * IsStorage.Cur),
            ("is_account = (tag == account)", anyActive * (IsAccount.Cur - (1 - accountTag * AccountInverse.Cur))),
            ("is_account means tag == account", anyActive * accountTag * IsAccount.Cur),
            ("account inverse is pinned", anyActive * AccountInverse.Cur * IsAccount.Cur),
            ("a read keeps the value (lo)", anyActive * (1 - table.IsWrite.Cur) * (table.ValueLo.Cur - table.PrevLo.Cur)),
            ("a read keeps the value (hi)", anyActive * (1 - table.IsWrite.Cur) * (table.ValueHi.Cur - table.PrevHi.Cur)),
            ("previous is the key's last value (lo)", later * sameKey * (table.PrevLo.Cur - table.ValueLo.Prev)),
            ("previous is the key's last value (hi)", later * sameKey * (table.PrevHi.Cur - table.ValueHi.Prev)),
            ("zero-initialised first access, on later rows", later * (ZeroInitFirst.Cur - (1 - sameKey) * (1 - IsStorage.Cur - IsAccount.Cur))),
            ("zero-initialised first access, on row 1", QSecond.Cur * active * (ZeroInitFirst.Cur - (1 - IsStorage.Cur - IsAccount.Cur))),
            ("a zero-initialised key starts at zero (lo)", anyActive * ZeroInitFirst.Cur * table.PrevLo.Cur),
            ("a zero-initialised key starts at zero (hi)", anyActive * ZeroInitFirst.Cur * table.PrevHi.Cur));

        // The committed value: within one key, rows are in counter order and each transaction's counters are one
        // contiguous, later range, so a storage row whose predecessor is another key or another transaction is its key's
        // first access in its transaction: the value before it is the value at the transaction's start. Later rows of
        // the same key and transaction carry it on. Other tags hold zero.
        var txDiff = table.TxId.Cur - table.TxId.Prev;
        cs.Gate("state: committed values",
            ("same tx = 1 − (tx − previous tx)·inverse", later * (SameTx.Cur - 1 + txDiff * TxInverse.Cur)),
            ("same tx is 0 when the tx changes", later * txDiff * SameTx.Cur),
            ("the tx inverse is zero within a tx", later * SameTx.Cur * TxInverse.Cur),
            ("kept = same key and same tx", later * (CommittedKept.Cur - sameKey * SameTx.Cur)),
            ("fresh = storage and not kept, on later rows", later * (CommittedFresh.Cur - IsStorage.Cur * (1 - CommittedKept.Cur))),
            ("fresh = storage, on row 1", QSecond.Cur * active * (CommittedFresh.Cur - IsStorage.Cur)),
            ("a kept committed value carries on (lo)", later * CommittedKept.Cur * (table.CommittedLo.Cur - table.CommittedLo.Prev)),
            ("a kept committed value carries on (hi)", later * CommittedKept.Cur * (table.CommittedHi.Cur - table.CommittedHi.Prev)),
            ("a fresh committed value is the value before (lo)", anyActive * CommittedFresh.Cur * (table.CommittedLo.Cur - table.PrevLo.Cur)),
            ("a fresh committed value is the value before (hi)", anyActive * CommittedFresh.Cur * (table.CommittedHi.Cur - table.PrevHi.Cur)),
            ("only storage has a committed value (lo)", anyActive * (1 - IsStorage.Cur) * table.CommittedLo.Cur),
            ("only storage has a committed value (hi)", anyActive * (1 - IsStorage.Cur) * table.CommittedHi.Cur));
    }

    /// <summary>The sort order of the table.</summary>
    public static List<RwEntry> Sorted(IEnumerable<RwEntry> entries) =>
        entries.OrderBy(e => e.Tag).ThenBy(e => e.Id).ThenBy(e => new BigInteger(e.Address.Bytes, isUnsigned: true, isBigEndian: true))
            .ThenBy(e => e.Key.U3).ThenBy(e => e.Key.U2).ThenBy(e => e.Key.U1).ThenBy(e => e.Key.U0).ThenBy(e => e.RwCounter).ToList();

    /// <summary>Fills the table with the sorted entries and this circuit's columns. Returns the entries in table order.</summary>
    public List<RwEntry> Assign(Assignment a, IEnumerable<RwEntry> entries)
    {
        var sorted = Sorted(entries);
        if (sorted.Count + 1 > a.Rows) throw new InvalidOperationException($"{sorted.Count} accesses do not fit in 2^{a.K} rows");
        Table.Assign(a, sorted);
        a.Assign(QFirst, 0, 1UL);
        a.Assign(QSecond, 1, 1UL);
        for (int r = 2; r < a.Rows; r++) a.Assign(QLater, r, 1UL);
        a.Assign(QLastRow, a.Rows - 1, 1UL);
        for (int r = 0; r < a.Rows; r++)
        {
            a.Assign(Count, r, (ulong)Math.Min(r, sorted.Count));
            a.Assign(Total, r, (ulong)sorted.Count);
        }

        var columns = Table.Columns;
        Fr[] ComponentValues(int row) =>
            [a[Table.Tag, row], a[Table.Id, row], a[Table.Address, row], a[Table.KeyHi, row], a[Table.KeyLo, row], a[Table.RwCounter, row]];

        for (int i = 0; i < sorted.Count; i++)
        {
            int row = 1 + i;
            var e = sorted[i];
            a.Assign(Active, row, 1UL);
            var tag = Fr.FromUInt64((ulong)e.Tag);
            bool storage = e.Tag == RwTag.Storage, account = e.Tag == RwTag.Account;
            a.Assign(IsStorage, row, storage ? 1UL : 0UL);
            a[StorageInverse, row] = storage ? Fr.Zero : (tag - Fr.FromUInt64((ulong)RwTag.Storage)).Inverse();
            a.Assign(IsAccount, row, account ? 1UL : 0UL);
            a[AccountInverse, row] = account ? Fr.Zero : (tag - Fr.FromUInt64((ulong)RwTag.Account)).Inverse();

            bool sameKey = false;
            if (i > 0)
            {
                var cur = ComponentValues(row);
                var prev = ComponentValues(row - 1);
                int k = Array.FindIndex(cur, 0, Components, c => true);
                for (k = 0; k < Components && cur[k] == prev[k]; k++) { }
                if (k == Components) throw new InvalidOperationException($"two accesses with counter {e.RwCounter} on one key");
                a.Assign(FirstDifferent[k], row, 1UL);
                sameKey = k == Components - 1;
                var delta = (cur[k] - prev[k] - Fr.One).ToBigInteger();
                if (delta >= BigInteger.One << (8 * DiffBytes)) throw new InvalidOperationException("a sort component jumped by more than 2^160");
                for (int b = 0; b < DiffBytes; b++) a.Assign(Diff[b], row, (ulong)(delta >> (8 * b) & 0xff));
            }
            a.Assign(ZeroInitFirst, row, !sameKey && !storage && !account ? 1UL : 0UL);
            bool sameTx = i > 0 && sorted[i - 1].TxId == e.TxId;
            if (i > 0)
            {
                a.Assign(SameTx, row, sameTx ? 1UL : 0UL);
                a[TxInverse, row] = sameTx ? Fr.Zero : (Fr.FromUInt64((ulong)e.TxId) - Fr.FromUInt64((ulong)sorted[i - 1].TxId)).Inverse();
                a.Assign(CommittedKept, row, sameKey && sameTx ? 1UL : 0UL);
            }
            a.Assign(CommittedFresh, row, storage && !(sameKey && sameTx) ? 1UL : 0UL);
        }
        return sorted;
    }
}
