using Rollup.Circuits.Poseidon;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.StateTree;

/// <summary>What a region's key and value hashes are hashes of (docs/state-tree.md §1, §3, §4): an account — its address
/// and the eight fields before and after — or a storage slot of an account — the slot and its value before and after.
/// A side whose terminal is not the key's leaf (absent) has all-zero fields.</summary>
public sealed record LeafPreimage(bool IsAccount, Fr Address, UInt256 Slot, Fr[] OldFields, Fr[] NewFields)
{
    public const int AccountFields = 8;

    public static LeafPreimage Account(Fr address, Fr[] oldFields, Fr[] newFields) => new(true, address, default, oldFields, newFields);

    /// <summary>A storage slot: fields are (value lo, value hi), zeros when absent.</summary>
    public static LeafPreimage Storage(Fr owner, UInt256 slot, UInt256 oldValue, UInt256 newValue) =>
        new(false, owner, slot, [Witness.Words.Lo(oldValue), Witness.Words.Hi(oldValue)], [Witness.Words.Lo(newValue), Witness.Words.Hi(newValue)]);
}

/// <summary>
/// Binds each state-tree region's key and value hashes to what they hash (docs/state-tree.md): the key is
/// Poseidon(address) for an account (t = 2) or Poseidon(slot lo, slot hi) for a storage slot (t = 3); a present leaf's
/// value hash is Poseidon of the eight account fields (t = 9), held on the region's first eight rows, or of the slot's
/// value limbs (t = 3), on its first two. Absent sides hold zeros; a present slot is never zero (writing zero deletes
/// it), so the trie stays canonical. The lookups read the fields at rotations 0..7 from the region's first row.
/// </summary>
public sealed class LeafPreimages
{
    public Column FieldRows { get; }
    public Column ValueRows { get; }
    public Column IsAccount { get; }
    public Column Address { get; }
    public Column SlotLo { get; }
    public Column SlotHi { get; }
    public Column OldField { get; }
    public Column NewField { get; }
    public Column OldAccountLeaf { get; }
    public Column NewAccountLeaf { get; }
    public Column OldSlotLeaf { get; }
    public Column NewSlotLeaf { get; }
    public Column OldValueInverse { get; }
    public Column NewValueInverse { get; }

    private readonly SmtUpdateChip _smt;

    public IEnumerable<Column> AdviceColumns =>
        [IsAccount, Address, SlotLo, SlotHi, OldField, NewField, OldAccountLeaf, NewAccountLeaf, OldSlotLeaf, NewSlotLeaf, OldValueInverse, NewValueInverse];

    public LeafPreimages(ConstraintSystem cs, SmtUpdateChip smt, PoseidonChip poseidon)
    {
        foreach (int t in new[] { 2, 3, 9 })
            if (!poseidon.Widths.Contains(t)) throw new ArgumentException($"leaf preimages need Poseidon width {t}");
        _smt = smt;
        FieldRows = cs.Selector("leaf_field_rows");
        ValueRows = cs.Selector("leaf_value_rows");
        IsAccount = cs.Advice("leaf_is_account");
        Address = cs.Advice("leaf_address");
        SlotLo = cs.Advice("leaf_slot_lo");
        SlotHi = cs.Advice("leaf_slot_hi");
        OldField = cs.Advice("leaf_old_field");
        NewField = cs.Advice("leaf_new_field");
        OldAccountLeaf = cs.Advice("leaf_old_account");
        NewAccountLeaf = cs.Advice("leaf_new_account");
        OldSlotLeaf = cs.Advice("leaf_old_slot");
        NewSlotLeaf = cs.Advice("leaf_new_slot");
        OldValueInverse = cs.Advice("leaf_old_value_inverse");
        NewValueInverse = cs.Advice("leaf_new_value_inverse");

        var q = smt.QRegion.Cur;
        var notEnd = q - smt.QEnd.Cur;
        var isAccount = IsAccount.Cur;
        var polys = new List<(string, Expression)>();
        foreach (var c in new[] { IsAccount, Address, SlotLo, SlotHi, OldAccountLeaf, NewAccountLeaf, OldSlotLeaf, NewSlotLeaf, OldValueInverse, NewValueInverse })
            polys.Add(($"{c.Name} is the same on every row", notEnd * (c.Next - c.Cur)));
        polys.Add(("is_account is a bit", q * isAccount * (1 - isAccount)));
        polys.Add(("an account has no slot (lo)", q * isAccount * SlotLo.Cur));
        polys.Add(("an account has no slot (hi)", q * isAccount * SlotHi.Cur));
        foreach (var (side, field, accountLeaf, slotLeaf, inverse, name) in new[]
                 {
                     (smt.Old, OldField, OldAccountLeaf, OldSlotLeaf, OldValueInverse, "old"),
                     (smt.New, NewField, NewAccountLeaf, NewSlotLeaf, NewValueInverse, "new"),
                 })
        {
            var present = side.IsKeyLeaf.Cur;
            polys.Add(($"{name} account leaf = account · present", q * (accountLeaf.Cur - isAccount * present)));
            polys.Add(($"{name} slot leaf = slot · present", q * (slotLeaf.Cur - (1 - isAccount) * present)));
            polys.Add(($"{name} fields only on the field rows", (q - FieldRows.Cur) * field.Cur));
            polys.Add(($"{name} slot value only on the value rows", (FieldRows.Cur - ValueRows.Cur) * (1 - isAccount) * field.Cur));
            polys.Add(($"{name} fields are zero when absent", q * (1 - present) * field.Cur));
            // A present slot holds a non-zero value: lo + hi ≠ 0, read at the region's first row. Limbs below 2^128 (as
            // the RW table's are) sum to zero only when both are zero.
            var value = field.At(0) + field.At(1);
            polys.Add(($"{name} present slot value is not zero", smt.QStart.Cur * slotLeaf.Cur * (value * inverse.Cur - 1)));
            polys.Add(($"{name} no value inverse unless a present slot", q * (1 - slotLeaf.Cur) * inverse.Cur));
        }
        cs.Gate("state leaf preimages", polys.ToArray());

        var table = poseidon.TableExpressions;
        int w = poseidon.MaxWidth;
        Expression[] Input(int width, Expression[] inputs, Expression output) =>
            [Expression.Constant(width), .. inputs, .. Enumerable.Repeat(Expression.Constant(0), w - 1 - inputs.Length), output];
        var start = smt.QStart.Cur;
        cs.Lookup("account key is Poseidon(address)", start * isAccount, Input(2, [Address.Cur], smt.Key.Value.Cur), table);
        cs.Lookup("slot key is Poseidon(slot lo, slot hi)", start * (1 - isAccount), Input(3, [SlotLo.Cur, SlotHi.Cur], smt.Key.Value.Cur), table);
        foreach (var (side, field, accountLeaf, slotLeaf, name) in new[]
                 { (smt.Old, OldField, OldAccountLeaf, OldSlotLeaf, "old"), (smt.New, NewField, NewAccountLeaf, NewSlotLeaf, "new") })
        {
            cs.Lookup($"{name} account value hash is Poseidon(fields)", start * accountLeaf.Cur,
                Input(9, Enumerable.Range(0, LeafPreimage.AccountFields).Select(field.At).ToArray(), side.ValueHash.Cur), table);
            cs.Lookup($"{name} slot value hash is Poseidon(value lo, value hi)", start * slotLeaf.Cur,
                Input(3, [field.At(0), field.At(1)], side.ValueHash.Cur), table);
        }
    }

    /// <summary>The Poseidon inputs (by width) the preimages need.</summary>
    public static Dictionary<int, List<Fr[]>> PoseidonInputs(IEnumerable<SmtUpdate> updates)
    {
        var byWidth = new Dictionary<int, List<Fr[]>> { [2] = [], [3] = [], [9] = [] };
        foreach (var u in updates)
        {
            var p = u.Preimage ?? throw new InvalidOperationException("an update without its leaf preimage");
            if (p.IsAccount) byWidth[2].Add([p.Address]);
            else byWidth[3].Add([Witness.Words.Lo(p.Slot), Witness.Words.Hi(p.Slot)]);
            foreach (var (fields, terminal) in new[] { (p.OldFields, u.OldTerminal), (p.NewFields, u.NewTerminal) })
                if (terminal == SmtTerminal.KeyLeaf) byWidth[p.IsAccount ? 9 : 3].Add(fields);
        }
        return byWidth;
    }

    /// <summary>Fills each region's preimage columns (the regions' updates in order, padding repeating the last).</summary>
    public void Assign(Assignment a, int startRow, IReadOnlyList<SmtUpdate> regions)
    {
        for (int region = 0; region < regions.Count; region++)
        {
            var u = regions[region];
            var p = u.Preimage ?? throw new InvalidOperationException("an update without its leaf preimage");
            int row0 = startRow + region * SmtUpdateChip.RegionRows;
            bool oldPresent = u.OldTerminal == SmtTerminal.KeyLeaf, newPresent = u.NewTerminal == SmtTerminal.KeyLeaf;
            Fr Inverse(Fr[] f, bool present) => !p.IsAccount && present ? (f[0] + f[1] * Fr.One).Inverse() : Fr.Zero;
            for (int i = 0; i < SmtUpdateChip.RegionRows; i++)
            {
                int row = row0 + i;
                if (i < LeafPreimage.AccountFields) a.Assign(FieldRows, row, 1UL);
                if (i < 2) a.Assign(ValueRows, row, 1UL);
                a.Assign(IsAccount, row, p.IsAccount ? 1UL : 0UL);
                a[Address, row] = p.Address;
                a[SlotLo, row] = Witness.Words.Lo(p.Slot);
                a[SlotHi, row] = Witness.Words.Hi(p.Slot);
                a.Assign(OldAccountLeaf, row, p.IsAccount && oldPresent ? 1UL : 0UL);
                a.Assign(NewAccountLeaf, row, p.IsAccount && newPresent ? 1UL : 0UL);
                a.Assign(OldSlotLeaf, row, !p.IsAccount && oldPresent ? 1UL : 0UL);
                a.Assign(NewSlotLeaf, row, !p.IsAccount && newPresent ? 1UL : 0UL);
                a[OldValueInverse, row] = Inverse(p.OldFields, oldPresent);
                a[NewValueInverse, row] = Inverse(p.NewFields, newPresent);
                if (i < p.OldFields.Length && oldPresent) a[OldField, row] = p.OldFields[i];
                if (i < p.NewFields.Length && newPresent) a[NewField, row] = p.NewFields[i];
            }
        }
    }
}
