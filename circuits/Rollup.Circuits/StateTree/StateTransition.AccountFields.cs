using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.State;
using Rollup.Plonk.Circuit;
using Rollup.State.Leaves;

namespace Rollup.Circuits.StateTree;

/// <summary>The account regions' field rows (docs/state-tree.md §3): rows 0, 1, 3 and 7 of an account region hold the
/// (lo, hi) values before and after of nonce, balance, code hash and storage root, under the keys the read/write table
/// uses (1, 2, 3; the storage root 4); a side without a leaf reads as the empty account. Which fields may change, and
/// that a present new leaf is not the empty account, is constrained here; the lookups that use the rows are in
/// <see cref="StateTransition"/>'s main file.</summary>
public sealed partial class StateTransition
{
    private void ConfigureFields(ConstraintSystem cs)
    {
        var q = Smt.QRegion.Cur;
        var sel = FieldSel.Cur;
        var touched = Touched.Cur;
        var polys = new List<(string, Expression)>();
        foreach (var c in new[] { OldLo, OldHi, NewLo, NewHi, Touched })
            polys.Add(($"{c.Name} only on the field rows", q * (1 - sel) * c.Cur));
        // A side without a leaf is the empty account: fields zero except the code hash, the empty code's.
        foreach (var (side, field, lo, hi, name) in new[] { (Smt.Old, Leaves.OldField, OldLo, OldHi, "old"), (Smt.New, Leaves.NewField, NewLo, NewHi, "new") })
        {
            var absent = 1 - side.IsKeyLeaf.Cur;
            polys.Add(($"{name} lo is the field (or the empty account's)", sel * (lo.Cur - AccountReal.Cur * (field.Cur + absent * DefaultLo.Cur))));
            polys.Add(($"{name} hi is the next field (or the empty account's)", sel * (hi.Cur - AccountReal.Cur * (HasHi.Cur * field.Next + absent * DefaultHi.Cur))));
        }
        polys.AddRange(
        [
            ("touched is a bit", q * touched * (1 - touched)),
            ("touched only on a table field or the storage root", q * (1 - RwFieldSel.Cur - RootSel.Cur) * touched),
            ("touched only in a real account region", q * (1 - AccountReal.Cur) * touched),
            // Touched is exactly "changed": a change has an inverse. The change as a word, lo + 2^128·hi, is zero only
            // when both limbs are (the values are far below r: balances, nonces, roots; code hashes never change).
            ("touched is a change", q * touched * (1 - (NewLo.Cur - OldLo.Cur + (NewHi.Cur - OldHi.Cur) * Expression.Constant(TwoTo128)) * ChangeInverse.Cur)),
            ("no change inverse unless touched", q * (1 - touched) * ChangeInverse.Cur),
            ("an untouched field keeps its value (lo)", sel * (1 - touched) * (NewLo.Cur - OldLo.Cur)),
            ("an untouched field keeps its value (hi)", sel * (1 - touched) * (NewHi.Cur - OldHi.Cur)),
            // Canonical: a present new account is not empty. Each inverse is 0 or its row's difference's inverse, and
            // exactly one is the latter.
            ("no non-empty inverse off the field rows", q * (1 - EmptySel.Cur) * NonEmptyInverse.Cur),
            ("no non-empty inverse without a new account leaf", q * (1 - Leaves.NewAccountLeaf.Cur) * NonEmptyInverse.Cur),
            ("a non-empty inverse inverts its field's difference",
                q * NonEmptyInverse.Cur * (1 - (Leaves.NewField.Cur - EmptyField.Cur) * NonEmptyInverse.Cur)),
            ("a new account leaf is not the empty account", Smt.QStart.Cur * Leaves.NewAccountLeaf.Cur *
                (Enumerable.Range(0, LeafPreimage.AccountFields).Where(r => r is not (5 or 6))
                    .Select(r => (Leaves.NewField.At(r) - EmptyField.At(r)) * NonEmptyInverse.At(r)).Aggregate((x, y) => x + y) - 1)),
            ("the code commitment and size do not change", KeepSel.Cur * AccountReal.Cur * (Leaves.NewField.Cur - Leaves.OldField.Cur)),
        ]);
        cs.Gate("state transition: account fields", polys.ToArray());
    }


    /// <summary>Field rows of an account region: (field key, has hi) per row, the empty account's defaults.</summary>
    private static readonly (int Row, int Key, bool Hi)[] Layout = [(0, 1, false), (1, 2, true), (3, 3, true), (7, StorageRootKey, false)];
    private static readonly Fr[] EmptyCode = EmptyCodeLimbs();

    private static Fr[] EmptyCodeLimbs()
    {
        var word = FieldEncoding.Word(AccountData.EmptyCodeHash);
        return [FieldEncoding.Lo(word), FieldEncoding.Hi(word)];
    }

    private void AssignFixed(Assignment a, int start)
    {
        for (int r = 0; r < Smt.Capacity; r++)
        {
            int row0 = start + r * SmtUpdateChip.RegionRows;
            foreach (var (row, key, hi) in Layout)
            {
                a.Assign(FieldKey, row0 + row, (ulong)key);
                a.Assign(FieldSel, row0 + row, 1UL);
                a.Assign(HasHi, row0 + row, hi ? 1UL : 0UL);
                a.Assign(key == StorageRootKey ? RootSel : RwFieldSel, row0 + row, 1UL);
            }
            a[DefaultLo, row0 + 3] = EmptyCode[0];
            a[DefaultHi, row0 + 3] = EmptyCode[1];
            foreach (int row in new[] { 0, 1, 2, 3, 4, 7 }) a.Assign(EmptySel, row0 + row, 1UL);
            a[EmptyField, row0 + 3] = EmptyCode[0];
            a[EmptyField, row0 + 4] = EmptyCode[1];
            a.Assign(KeepSel, row0 + 5, 1UL);
            a.Assign(KeepSel, row0 + 6, 1UL);
        }
    }

    /// <summary>Picks the first field that differs from the empty account's.</summary>
    private void AssignNonEmpty(Assignment a, int row0, Fr[] fields)
    {
        foreach (int row in new[] { 0, 1, 2, 3, 4, 7 })
        {
            var d = fields[row] - (row == 3 ? EmptyCode[0] : row == 4 ? EmptyCode[1] : Fr.Zero);
            if (d.IsZero) continue;
            a[NonEmptyInverse, row0 + row] = d.Inverse();
            return;
        }
        // An empty account with a leaf: nothing to invert (the gate rejects it).
    }

    private void AssignAccountFields(Assignment a, int row0, SmtUpdate u)
    {
        var p = u.Preimage!;
        bool oldPresent = u.OldTerminal == SmtTerminal.KeyLeaf, newPresent = u.NewTerminal == SmtTerminal.KeyLeaf;
        Fr Field(Fr[] fields, bool present, int i) => present ? fields[i] : i == 3 ? EmptyCode[0] : i == 4 ? EmptyCode[1] : Fr.Zero;
        foreach (var (row, _, hi) in Layout)
        {
            var (oldLo, oldHi) = (Field(p.OldFields, oldPresent, row), hi ? Field(p.OldFields, oldPresent, row + 1) : Fr.Zero);
            var (newLo, newHi) = (Field(p.NewFields, newPresent, row), hi ? Field(p.NewFields, newPresent, row + 1) : Fr.Zero);
            a[OldLo, row0 + row] = oldLo;
            a[OldHi, row0 + row] = oldHi;
            a[NewLo, row0 + row] = newLo;
            a[NewHi, row0 + row] = newHi;
            var change = newLo - oldLo + TwoTo128 * (newHi - oldHi);
            a.Assign(Touched, row0 + row, change.IsZero ? 0UL : 1UL);
            a[ChangeInverse, row0 + row] = change.IsZero ? Fr.Zero : change.Inverse();
        }
    }
}
