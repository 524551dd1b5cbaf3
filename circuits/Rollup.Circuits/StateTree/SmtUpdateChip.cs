using System.Numerics;
using Rollup.Circuits.Poseidon;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;
using Rollup.State.Trie;
using TrieNodeHash = Rollup.State.Trie.NodeHash;

namespace Rollup.Circuits.StateTree;

/// <summary>
/// Proves a chain of state-tree updates (docs/state-tree.md), each in a region of 256 rows, row i = depth i, root first.
/// <list type="bullet">
/// <item><b>Key bits.</b> Row i holds bit i of the key k and of the other key k' (zero when there is none); each sums to
/// its key, and a running comparison with the bits of r proves the sum is below r — otherwise k + r (when below
/// 2^254) would be a second bit string for the same element and steer to another leaf.</item>
/// <item><b>Two paths.</b> Each side (old, new) has a monotone <c>on</c> flag, 1 above its terminal depth. On such rows
/// the side's node is Poseidon(2, left, right) of the next row's node and the side's sibling, ordered by the bit (a
/// lookup into the <see cref="PoseidonChip"/>). At the terminal depth the node is the key's leaf Poseidon(1, k, h), the
/// other key's leaf (one cell, <c>other_node</c>, looked up once per region), or 0; below it everything is 0.</item>
/// <item><b>Shape.</b> Where both sides are on, the siblings agree. When the depths differ (an insert splitting the
/// other key's leaf, or a delete lifting it), the longer side's extra siblings are 0 except the last, which is the other
/// key's leaf; the shorter side ends in that leaf and the longer in the key's own; the two keys agree on the bits above
/// the last extra level and differ at it. Where a side ends in the other leaf at the same depth (absence), the keys
/// agree on every bit of the path. The other key differs from k (an inverse cell), so "absent" can never hide a
/// present key.</item>
/// <item><b>Canonical shape.</b> A lift stops at a non-empty sibling (an inverse cell); a delete that lifts nothing
/// leaves a branch beside the emptied child, shown by its two children (a lookup), since a leaf there would lift.</item>
/// <item><b>Roots.</b> Row 0's nodes are the roots, carried down the region; consecutive regions of the same trie (the
/// account trie, or one account's storage trie) chain, and each trie's first and last regions are flagged so that the
/// account regions and the public inputs can pick up where its chain starts and ends.</item>
/// </list>
/// Every constraint is degree ≤ 4 with its selectors; intermediate flags live in cells.
/// </summary>
public sealed class SmtUpdateChip
{
    public const int RegionRows = 256;

    /// <summary>Per-row cells of one side of the update.</summary>
    public sealed record Side(Column On, Column Term, Column Last, Column Sibling, Column Node, Column Left, Column Right, Column ExpectedSibling,
        Column IsKeyLeaf, Column IsOtherLeaf, Column ValueHash);

    /// <summary>Per-row cells of one key's bit decomposition.</summary>
    public sealed record KeyBits(Column Value, Column Bit, Column Acc, Column Below);

    public Column QRegion { get; }
    public Column QStart { get; }
    public Column QEnd { get; }
    public Column QFirstRegion { get; }
    public Column QLastRegion { get; }
    public Column Pow2 { get; }
    public Column ModulusBit { get; }

    public KeyBits Key { get; }
    public KeyBits Other { get; }
    public Side Old { get; }
    public Side New { get; }
    public Column OtherValueHash { get; }
    public Column OtherNode { get; }
    public Column HasOther { get; }
    public Column KeyDiffInverse { get; }
    public Column NewLonger { get; }
    public Column OldLonger { get; }
    public Column LongOn { get; }
    public Column LastLong { get; }
    public Column NeedsNonZero { get; }
    public Column SiblingInverse { get; }
    public Column DeleteNoLift { get; }
    public Column BranchLeft { get; }
    public Column BranchRight { get; }
    public Column OldRoot { get; }
    public Column NewRoot { get; }
    /// <summary>The trie the region updates (0: accounts; an address: that account's storage).</summary>
    public Column Trie { get; }
    /// <summary>1 when the previous region updates another trie (or there is none): this region starts the trie's chain.</summary>
    public Column FirstOfTrie { get; }
    /// <summary>1 when the next region updates another trie (or there is none): this region ends the trie's chain.</summary>
    public Column LastOfTrie { get; }
    public Column TrieChangeBeforeInverse { get; }
    public Column TrieChangeAfterInverse { get; }

    public int Capacity { get; }
    public int RowCount => Capacity * RegionRows;

    /// <summary>Every advice column of the chip (for soundness tests).</summary>
    public IEnumerable<Column> AdviceColumns =>
        new[] { Key, Other }.SelectMany(k => new[] { k.Value, k.Bit, k.Acc, k.Below })
            .Concat(new[] { Old, New }.SelectMany(s => new[] { s.On, s.Term, s.Last, s.Sibling, s.Node, s.Left, s.Right, s.ExpectedSibling, s.IsKeyLeaf, s.IsOtherLeaf, s.ValueHash }))
            .Concat([OtherValueHash, OtherNode, HasOther, KeyDiffInverse, NewLonger, OldLonger, LongOn, LastLong, NeedsNonZero, SiblingInverse,
                DeleteNoLift, BranchLeft, BranchRight, OldRoot, NewRoot, Trie, FirstOfTrie, LastOfTrie, TrieChangeBeforeInverse, TrieChangeAfterInverse]);

    public SmtUpdateChip(ConstraintSystem cs, PoseidonChip poseidon, int capacity)
    {
        if (!poseidon.Widths.Contains(4)) throw new ArgumentException("the state tree hashes nodes with Poseidon t = 4");
        Capacity = capacity;
        QRegion = cs.Selector("smt_q_region");
        QStart = cs.Selector("smt_q_start");
        QEnd = cs.Selector("smt_q_end");
        QFirstRegion = cs.Selector("smt_q_first_region");
        QLastRegion = cs.Selector("smt_q_last_region");
        Pow2 = cs.Fixed("smt_pow2");
        ModulusBit = cs.Fixed("smt_modulus_bit");
        KeyBits Bits(string name) => new(cs.Advice($"smt_{name}"), cs.Advice($"smt_{name}_bit"), cs.Advice($"smt_{name}_acc"), cs.Advice($"smt_{name}_below_r"));
        Side MakeSide(string name) => new(cs.Advice($"smt_{name}_on"), cs.Advice($"smt_{name}_term"), cs.Advice($"smt_{name}_last_on"),
            cs.Advice($"smt_{name}_sibling"), cs.Advice($"smt_{name}_node"), cs.Advice($"smt_{name}_left"), cs.Advice($"smt_{name}_right"),
            cs.Advice($"smt_{name}_expected_sibling"), cs.Advice($"smt_{name}_is_key_leaf"), cs.Advice($"smt_{name}_is_other_leaf"),
            cs.Advice($"smt_{name}_value_hash"));
        Key = Bits("key");
        Other = Bits("other_key");
        Old = MakeSide("old");
        New = MakeSide("new");
        OtherValueHash = cs.Advice("smt_other_value_hash");
        OtherNode = cs.Advice("smt_other_node");
        HasOther = cs.Advice("smt_has_other");
        KeyDiffInverse = cs.Advice("smt_key_diff_inverse");
        NewLonger = cs.Advice("smt_new_longer");
        OldLonger = cs.Advice("smt_old_longer");
        LongOn = cs.Advice("smt_long_on");
        LastLong = cs.Advice("smt_last_long");
        NeedsNonZero = cs.Advice("smt_needs_nonzero_sibling");
        SiblingInverse = cs.Advice("smt_sibling_inverse");
        DeleteNoLift = cs.Advice("smt_delete_no_lift");
        BranchLeft = cs.Advice("smt_branch_left");
        BranchRight = cs.Advice("smt_branch_right");
        OldRoot = cs.Advice("smt_old_root");
        NewRoot = cs.Advice("smt_new_root");
        Trie = cs.Advice("smt_trie");
        FirstOfTrie = cs.Advice("smt_first_of_trie");
        LastOfTrie = cs.Advice("smt_last_of_trie");
        TrieChangeBeforeInverse = cs.Advice("smt_trie_change_before_inverse");
        TrieChangeAfterInverse = cs.Advice("smt_trie_change_after_inverse");

        ConfigureKeyBits(cs, Key, "key");
        ConfigureKeyBits(cs, Other, "other key");
        ConfigureRegionConstants(cs);
        ConfigureSide(cs, Old, "old", poseidon);
        ConfigureSide(cs, New, "new", poseidon);
        ConfigureShape(cs, poseidon);
    }

    private Expression Q => QRegion.Cur;
    private Expression NotEnd => QRegion.Cur - QEnd.Cur;
    private Expression NotStart => QRegion.Cur - QStart.Cur;

    private void ConfigureKeyBits(ConstraintSystem cs, KeyBits k, string name)
    {
        var bit = k.Bit.Cur;
        var stepBelow = ModulusBit.Cur * ((1 - bit) + bit * k.Below.Cur) + (1 - ModulusBit.Cur) * (1 - bit) * k.Below.Cur;
        cs.Gate($"smt {name} bits",
            ("bit is a bit", Q * bit * (1 - bit)),
            ("the sum starts at zero", QStart.Cur * k.Acc.Cur),
            ("the sum adds bit·2^i", NotEnd * (k.Acc.Next - k.Acc.Cur - bit * Pow2.Cur)),
            ("the bits sum to the key", QEnd.Cur * (k.Value.Cur - k.Acc.Cur - bit * Pow2.Cur)),
            ("the comparison with r starts equal", QStart.Cur * k.Below.Cur),
            ("the comparison with r takes the next bit", NotEnd * (k.Below.Next - stepBelow)),
            ("the key is below r", QEnd.Cur * (1 - stepBelow)));
    }

    private void ConfigureRegionConstants(ConstraintSystem cs)
    {
        Column[] carried = [Key.Value, Other.Value, Old.IsKeyLeaf, Old.IsOtherLeaf, Old.ValueHash, New.IsKeyLeaf, New.IsOtherLeaf, New.ValueHash,
            OtherValueHash, OtherNode, HasOther, KeyDiffInverse, NewLonger, OldLonger, DeleteNoLift, BranchLeft, BranchRight, OldRoot, NewRoot,
            Trie, FirstOfTrie, LastOfTrie, TrieChangeBeforeInverse, TrieChangeAfterInverse];
        var polys = carried.Select(c => ($"{c.Name} is the same on every row", NotEnd * (c.Next - c.Cur))).ToList();
        foreach (var c in new[] { Old.IsKeyLeaf, Old.IsOtherLeaf, New.IsKeyLeaf, New.IsOtherLeaf, NewLonger, OldLonger })
            polys.Add(($"{c.Name} is a bit", Q * c.Cur * (1 - c.Cur)));
        foreach (var (s, n) in new[] { (Old, "old"), (New, "new") })
        {
            polys.Add(($"{n} ends in one leaf at most", Q * s.IsKeyLeaf.Cur * s.IsOtherLeaf.Cur));
            polys.Add(($"{n} value hash only for the key's leaf", Q * (1 - s.IsKeyLeaf.Cur) * s.ValueHash.Cur));
        }
        polys.Add(("has_other = either side ends in the other leaf",
            Q * (HasOther.Cur - (Old.IsOtherLeaf.Cur + New.IsOtherLeaf.Cur - Old.IsOtherLeaf.Cur * New.IsOtherLeaf.Cur))));
        polys.Add(("no other key without an other leaf", Q * (1 - HasOther.Cur) * Other.Value.Cur));
        polys.Add(("no other value hash without an other leaf", Q * (1 - HasOther.Cur) * OtherValueHash.Cur));
        polys.Add(("no other node without an other leaf", Q * (1 - HasOther.Cur) * OtherNode.Cur));
        polys.Add(("the other key is not the key", Q * HasOther.Cur * ((Key.Value.Cur - Other.Value.Cur) * KeyDiffInverse.Cur - 1)));
        polys.Add(("no inverse without an other key", Q * (1 - HasOther.Cur) * KeyDiffInverse.Cur));
        polys.Add(("the old root is row 0's old node", QStart.Cur * (OldRoot.Cur - Old.Node.Cur)));
        polys.Add(("the new root is row 0's new node", QStart.Cur * (NewRoot.Cur - New.Node.Cur)));
        // Regions of one trie are consecutive; each continues from the previous one's root unless it starts its trie.
        // first/last are is-zero flags of the trie's change across the region boundary (pinned inverses), and the
        // chip's first and last regions start and end their tries by definition.
        var before = Trie.Cur - Trie.Prev;
        var after = Trie.Next - Trie.Cur;
        var startNotFirst = QStart.Cur - QFirstRegion.Cur;
        var endNotLast = QEnd.Cur - QLastRegion.Cur;
        polys.Add(("the first region starts its trie", QFirstRegion.Cur * (1 - FirstOfTrie.Cur)));
        polys.Add(("first of trie = the trie changed", startNotFirst * (FirstOfTrie.Cur - before * TrieChangeBeforeInverse.Cur)));
        polys.Add(("first of trie when the trie changed", startNotFirst * before * (1 - FirstOfTrie.Cur)));
        polys.Add(("no inverse unless the trie changed before", QStart.Cur * (1 - FirstOfTrie.Cur) * TrieChangeBeforeInverse.Cur));
        polys.Add(("no inverse at the first region", QFirstRegion.Cur * TrieChangeBeforeInverse.Cur));
        polys.Add(("the last region ends its trie", QLastRegion.Cur * (1 - LastOfTrie.Cur)));
        polys.Add(("last of trie = the trie changes", endNotLast * (LastOfTrie.Cur - after * TrieChangeAfterInverse.Cur)));
        polys.Add(("last of trie when the trie changes", endNotLast * after * (1 - LastOfTrie.Cur)));
        polys.Add(("no inverse unless the trie changes after", QEnd.Cur * (1 - LastOfTrie.Cur) * TrieChangeAfterInverse.Cur));
        polys.Add(("no inverse at the last region", QLastRegion.Cur * TrieChangeAfterInverse.Cur));
        polys.Add(("updates of one trie chain", endNotLast * (1 - LastOfTrie.Cur) * (OldRoot.Next - NewRoot.Cur)));
        cs.Gate("smt region constants", polys.ToArray());
    }

    private void ConfigureSide(ConstraintSystem cs, Side s, string n, PoseidonChip poseidon)
    {
        var on = s.On.Cur;
        var term = s.Term.Cur;
        var bit = Key.Bit.Cur;
        Expression Pick(bool left) => left ? s.Node.Next + bit * (s.Sibling.Cur - s.Node.Next) : s.Sibling.Cur + bit * (s.Node.Next - s.Sibling.Cur);
        cs.Gate($"smt {n} path",
            ("on is a bit", Q * on * (1 - on)),
            ("on never comes back", NotEnd * s.On.Next * (1 - on)),
            ("the path ends within the region", QEnd.Cur * on),
            ("terminal at depth 0 when the path is empty", QStart.Cur * (term - (1 - on))),
            ("terminal where on drops", NotStart * (term - (s.On.Prev - on))),
            ("last on-row is where on drops next", NotEnd * (s.Last.Cur - (on - s.On.Next))),
            ("no last on-row at the region's end", QEnd.Cur * s.Last.Cur),
            ("left child", Q * on * (s.Left.Cur - Pick(true))),
            ("right child", Q * on * (s.Right.Cur - Pick(false))),
            ("no left child off the path", Q * (1 - on) * s.Left.Cur),
            ("no right child off the path", Q * (1 - on) * s.Right.Cur),
            ("no sibling off the path", Q * (1 - on) * s.Sibling.Cur),
            ("the other leaf's node", Q * term * s.IsOtherLeaf.Cur * (s.Node.Cur - OtherNode.Cur)),
            ("an empty terminal is 0", Q * term * (1 - s.IsKeyLeaf.Cur - s.IsOtherLeaf.Cur) * s.Node.Cur),
            ("nothing below the terminal", Q * (1 - on) * (1 - term) * s.Node.Cur),
            ("expected extra sibling = the other leaf on the last on-row", Q * (s.ExpectedSibling.Cur - s.Last.Cur * OtherNode.Cur)));
        var table = poseidon.TableExpressions;
        cs.Lookup($"smt {n} branch is Poseidon(2, left, right)", Q * on, NodeInput(poseidon, 2, s.Left.Cur, s.Right.Cur, s.Node.Cur), table);
        cs.Lookup($"smt {n} key leaf is Poseidon(1, key, value hash)", Q * term * s.IsKeyLeaf.Cur, NodeInput(poseidon, 1, Key.Value.Cur, s.ValueHash.Cur, s.Node.Cur), table);
    }

    private static Expression[] NodeInput(PoseidonChip poseidon, long tag, Expression a, Expression b, Expression output) =>
        [Expression.Constant(4), Expression.Constant(tag), a, b, .. Enumerable.Repeat(Expression.Constant(0), poseidon.MaxWidth - 4), output];

    private void ConfigureShape(ConstraintSystem cs, PoseidonChip poseidon)
    {
        var (o, w) = (Old, New);
        var reshaped = NewLonger.Cur + OldLonger.Cur;
        var (bit, bit2) = (Key.Bit.Cur, Other.Bit.Cur);
        cs.Gate("smt shape",
            ("one side longer at most", Q * NewLonger.Cur * OldLonger.Cur),
            ("same extent unless reshaped", Q * (1 - reshaped) * (o.On.Cur - w.On.Cur)),
            ("a longer new path contains the old", Q * NewLonger.Cur * o.On.Cur * (1 - w.On.Cur)),
            ("a longer old path contains the new", Q * OldLonger.Cur * w.On.Cur * (1 - o.On.Cur)),
            ("a longer new path is strictly longer", Q * NewLonger.Cur * w.Last.Cur * o.On.Cur),
            ("a longer old path is strictly longer", Q * OldLonger.Cur * o.Last.Cur * w.On.Cur),
            ("a split ends the old path in the other leaf", Q * NewLonger.Cur * (1 - o.IsOtherLeaf.Cur)),
            ("a split ends the new path in the key's leaf", Q * NewLonger.Cur * (1 - w.IsKeyLeaf.Cur)),
            ("a lift ends the old path in the key's leaf", Q * OldLonger.Cur * (1 - o.IsKeyLeaf.Cur)),
            ("a lift ends the new path in the other leaf", Q * OldLonger.Cur * (1 - w.IsOtherLeaf.Cur)),
            ("shared siblings agree", Q * o.On.Cur * w.On.Cur * (o.Sibling.Cur - w.Sibling.Cur)),
            ("the new path's extra siblings: zeros, then the other leaf", Q * w.On.Cur * (1 - o.On.Cur) * (w.Sibling.Cur - w.ExpectedSibling.Cur)),
            ("the old path's extra siblings: zeros, then the other leaf", Q * o.On.Cur * (1 - w.On.Cur) * (o.Sibling.Cur - o.ExpectedSibling.Cur)),
            ("long_on is either side on", Q * (LongOn.Cur - (o.On.Cur + w.On.Cur - o.On.Cur * w.On.Cur))),
            ("last_long is where long_on drops", NotEnd * (LastLong.Cur - (LongOn.Cur - LongOn.Next))),
            ("no last_long at the region's end", QEnd.Cur * LastLong.Cur),
            ("the keys agree above the path's last level", NotEnd * HasOther.Cur * LongOn.Next * (bit - bit2)),
            ("at the last level: they differ after a split or lift, agree for an absence",
                Q * LastLong.Cur * (reshaped * (bit + bit2 - 1) + (HasOther.Cur - reshaped) * (bit - bit2))),
            // A lift stops at a non-empty sibling: on the shorter new path's last on-row, when the old path was longer.
            ("a lift checks the sibling it stops at", Q * (NeedsNonZero.Cur - w.Last.Cur * OldLonger.Cur)),
            ("the sibling a lift stops at is not empty", Q * NeedsNonZero.Cur * (w.Sibling.Cur * SiblingInverse.Cur - 1)),
            ("no sibling inverse elsewhere", Q * (1 - NeedsNonZero.Cur) * SiblingInverse.Cur),
            // A delete that lifts nothing: the key's leaf becomes empty at the same depth > 0, beside a branch.
            ("delete_no_lift = key leaf to empty, same depth",
                Q * (DeleteNoLift.Cur - o.IsKeyLeaf.Cur * (1 - w.IsKeyLeaf.Cur - w.IsOtherLeaf.Cur))),
            ("no left branch child unless deleting", Q * (1 - DeleteNoLift.Cur) * BranchLeft.Cur),
            ("no right branch child unless deleting", Q * (1 - DeleteNoLift.Cur) * BranchRight.Cur),
            // Same depth on both sides: another key's leaf stays or never was (an absence stays an absence; a key's
            // leaf never takes the other leaf's place, which would drop that key).
            ("without a reshape the other leaf is on both sides or neither", Q * (1 - reshaped) * (o.IsOtherLeaf.Cur - w.IsOtherLeaf.Cur)));
        cs.Lookup("smt the sibling beside a delete is a branch", Q * DeleteNoLift.Cur * w.Last.Cur,
            NodeInput(poseidon, 2, BranchLeft.Cur, BranchRight.Cur, w.Sibling.Cur), poseidon.TableExpressions);
        cs.Lookup("smt the other leaf is Poseidon(1, other key, value hash)", QStart.Cur * HasOther.Cur,
            NodeInput(poseidon, 1, Other.Value.Cur, OtherValueHash.Cur, OtherNode.Cur), poseidon.TableExpressions);
    }

    private static readonly BigInteger R = Fr.Modulus;

    /// <summary>The update a padding region proves: the last real update's key as it ended (old = new), so the root
    /// carries through; with no updates at all, the empty trie's empty path.</summary>
    public static SmtUpdate Padding(IReadOnlyList<SmtUpdate> updates) =>
        updates.Count == 0
            ? new SmtUpdate(Fr.Zero, [], SmtTerminal.Empty, Fr.Zero, [], SmtTerminal.Empty, Fr.Zero, Fr.Zero, Fr.Zero, null)
            : updates[^1].Unchanged();

    /// <summary>The nodes of one side's path, root first (index d is the terminal).</summary>
    public static Fr[] Nodes(Fr key, IReadOnlyList<Fr> siblings, SmtTerminal terminal, Fr valueHash, Fr otherKey, Fr otherValueHash)
    {
        int d = siblings.Count;
        var k = new TrieKey(key);
        var nodes = new Fr[d + 1];
        nodes[d] = terminal switch
        {
            SmtTerminal.KeyLeaf => TrieNodeHash.Leaf(key, valueHash),
            SmtTerminal.OtherLeaf => TrieNodeHash.Leaf(otherKey, otherValueHash),
            _ => Fr.Zero,
        };
        for (int i = d - 1; i >= 0; i--)
            nodes[i] = k.Bit(i) == 0 ? TrieNodeHash.Branch(nodes[i + 1], siblings[i]) : TrieNodeHash.Branch(siblings[i], nodes[i + 1]);
        return nodes;
    }

    /// <summary>The width-4 Poseidon inputs the updates need (leaves, branches, the branch beside a delete); the regions
    /// find the hashes by lookup, so only their presence in the Poseidon chip matters.</summary>
    public static List<Fr[]> PoseidonInputs(IEnumerable<SmtUpdate> updates)
    {
        var inputs = new List<Fr[]>();
        var leaf = Fr.FromUInt64(1);
        var branch = Fr.FromUInt64(2);
        foreach (var u in updates)
        {
            var k = new TrieKey(u.Key);
            foreach (var (siblings, terminal, vh) in new[] { (u.OldSiblings, u.OldTerminal, u.OldValueHash), (u.NewSiblings, u.NewTerminal, u.NewValueHash) })
            {
                var nodes = Nodes(u.Key, siblings, terminal, vh, u.OtherKey, u.OtherValueHash);
                if (terminal == SmtTerminal.KeyLeaf) inputs.Add([leaf, u.Key, vh]);
                for (int i = siblings.Count - 1; i >= 0; i--)
                    inputs.Add(k.Bit(i) == 0 ? [branch, nodes[i + 1], siblings[i]] : [branch, siblings[i], nodes[i + 1]]);
            }
            if (u.HasOther) inputs.Add([leaf, u.OtherKey, u.OtherValueHash]);
            if (u.SiblingBranch is { } b) inputs.Add([branch, b.Left, b.Right]);
        }
        return inputs;
    }

    /// <summary>Every width-4 Poseidon input the regions need, padding included.</summary>
    public List<Fr[]> PoseidonInputsWithPadding(IReadOnlyList<SmtUpdate> updates) =>
        PoseidonInputs(updates.Concat(Enumerable.Repeat(Padding(updates), Capacity - updates.Count)));

    /// <summary>Fills the regions from <paramref name="startRow"/>: the updates, then padding. Returns the first old root
    /// and the last new root.</summary>
    public (Fr OldRoot, Fr NewRoot) Assign(Assignment a, int startRow, IReadOnlyList<SmtUpdate> updates)
    {
        if (updates.Count > Capacity) throw new InvalidOperationException($"{updates.Count} state-tree updates; the circuit reserves {Capacity}");
        var padding = Padding(updates);
        Fr first = Fr.Zero, last = Fr.Zero;
        for (int region = 0; region < Capacity; region++)
        {
            int row0 = startRow + region * RegionRows;
            for (int i = 0; i < RegionRows; i++)
            {
                int row = row0 + i;
                a.Assign(QRegion, row, 1UL);
                a[Pow2, row] = Fr.FromBigInteger(BigInteger.One << i);
                a.Assign(ModulusBit, row, (ulong)((R >> i) & 1));
            }
            a.Assign(QStart, row0, 1UL);
            a.Assign(QEnd, row0 + RegionRows - 1, 1UL);
            if (region == 0) a.Assign(QFirstRegion, row0, 1UL);
            if (region == Capacity - 1) a.Assign(QLastRegion, row0 + RegionRows - 1, 1UL);
            var update = region < updates.Count ? updates[region] : padding;
            var previous = region == 0 ? (Fr?)null : region - 1 < updates.Count ? updates[region - 1].Trie : padding.Trie;
            var next = region == Capacity - 1 ? (Fr?)null : region + 1 < updates.Count ? updates[region + 1].Trie : padding.Trie;
            AssignRegion(a, row0, update, previous, next);
            if (region == 0) first = a[OldRoot, row0];
            last = a[NewRoot, row0];
        }
        return (first, last);
    }

    private void AssignRegion(Assignment a, int row0, SmtUpdate u, Fr? previousTrie, Fr? nextTrie)
    {
        bool first = previousTrie is not { } p || p != u.Trie, last = nextTrie is not { } n || n != u.Trie;
        var beforeInverse = previousTrie is { } pt && pt != u.Trie ? (u.Trie - pt).Inverse() : Fr.Zero;
        var afterInverse = nextTrie is { } nt && nt != u.Trie ? (nt - u.Trie).Inverse() : Fr.Zero;
        var oldNodes = Nodes(u.Key, u.OldSiblings, u.OldTerminal, u.OldValueHash, u.OtherKey, u.OtherValueHash);
        var newNodes = Nodes(u.Key, u.NewSiblings, u.NewTerminal, u.NewValueHash, u.OtherKey, u.OtherValueHash);
        var otherNode = u.HasOther ? TrieNodeHash.Leaf(u.OtherKey, u.OtherValueHash) : Fr.Zero;
        int dOld = u.OldSiblings.Count, dNew = u.NewSiblings.Count, dLong = Math.Max(dOld, dNew);
        bool deleteNoLift = u.OldTerminal == SmtTerminal.KeyLeaf && u.NewTerminal == SmtTerminal.Empty;
        AssignBits(a, row0, Key, u.Key);
        AssignBits(a, row0, Other, u.OtherKey);
        var key = new TrieKey(u.Key);
        for (int i = 0; i < RegionRows; i++)
        {
            int row = row0 + i;
            a[OtherValueHash, row] = u.OtherValueHash;
            a[OtherNode, row] = otherNode;
            a.Assign(HasOther, row, u.HasOther ? 1UL : 0UL);
            a[KeyDiffInverse, row] = u.HasOther ? (u.Key - u.OtherKey).Inverse() : Fr.Zero;
            a.Assign(NewLonger, row, u.NewLonger ? 1UL : 0UL);
            a.Assign(OldLonger, row, u.OldLonger ? 1UL : 0UL);
            a.Assign(LongOn, row, i < dLong ? 1UL : 0UL);
            a.Assign(LastLong, row, i == dLong - 1 ? 1UL : 0UL);
            bool needsNonZero = u.OldLonger && i == dNew - 1;
            a.Assign(NeedsNonZero, row, needsNonZero ? 1UL : 0UL);
            a[SiblingInverse, row] = needsNonZero ? u.NewSiblings[i].Inverse() : Fr.Zero;
            a.Assign(DeleteNoLift, row, deleteNoLift ? 1UL : 0UL);
            a[BranchLeft, row] = u.SiblingBranch?.Left ?? Fr.Zero;
            a[BranchRight, row] = u.SiblingBranch?.Right ?? Fr.Zero;
            a[OldRoot, row] = oldNodes[0];
            a[NewRoot, row] = newNodes[0];
            a[Trie, row] = u.Trie;
            a.Assign(FirstOfTrie, row, first ? 1UL : 0UL);
            a.Assign(LastOfTrie, row, last ? 1UL : 0UL);
            a[TrieChangeBeforeInverse, row] = beforeInverse;
            a[TrieChangeAfterInverse, row] = afterInverse;
            AssignSide(a, row, i, Old, key, u.OldSiblings, u.OldTerminal, u.OldValueHash, oldNodes, otherNode);
            AssignSide(a, row, i, New, key, u.NewSiblings, u.NewTerminal, u.NewValueHash, newNodes, otherNode);
        }
    }

    private static void AssignSide(Assignment a, int row, int i, Side s, TrieKey key, IReadOnlyList<Fr> siblings, SmtTerminal terminal, Fr vh, Fr[] nodes, Fr otherNode)
    {
        int d = siblings.Count;
        a.Assign(s.On, row, i < d ? 1UL : 0UL);
        a.Assign(s.Term, row, i == d ? 1UL : 0UL);
        a.Assign(s.Last, row, i == d - 1 ? 1UL : 0UL);
        a[s.ExpectedSibling, row] = i == d - 1 ? otherNode : Fr.Zero;
        a.Assign(s.IsKeyLeaf, row, terminal == SmtTerminal.KeyLeaf ? 1UL : 0UL);
        a.Assign(s.IsOtherLeaf, row, terminal == SmtTerminal.OtherLeaf ? 1UL : 0UL);
        a[s.ValueHash, row] = terminal == SmtTerminal.KeyLeaf ? vh : Fr.Zero;
        if (i <= d) a[s.Node, row] = nodes[i];
        if (i < d)
        {
            var sib = siblings[i];
            a[s.Sibling, row] = sib;
            bool right = key.Bit(i) == 1;
            a[s.Left, row] = right ? sib : nodes[i + 1];
            a[s.Right, row] = right ? nodes[i + 1] : sib;
        }
    }

    private static void AssignBits(Assignment a, int row0, KeyBits k, Fr value)
    {
        var v = value.ToBigInteger();
        BigInteger acc = 0;
        bool below = false;
        for (int i = 0; i < RegionRows; i++)
        {
            int row = row0 + i;
            int bit = (int)((v >> i) & 1), rBit = (int)((R >> i) & 1);
            a[k.Value, row] = value;
            a.Assign(k.Bit, row, (ulong)bit);
            a[k.Acc, row] = Fr.FromBigInteger(acc);
            a.Assign(k.Below, row, below ? 1UL : 0UL);
            acc += (BigInteger)bit << i;
            below = bit < rBit || (bit == rBit && below);
        }
    }
}
