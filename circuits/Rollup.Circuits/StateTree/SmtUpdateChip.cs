using System.Numerics;
using Rollup.Circuits.Poseidon;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;
using Rollup.State.Trie;
using TrieNodeHash = Rollup.State.Trie.NodeHash;

namespace Rollup.Circuits.StateTree;

/// <summary>One update of the state tree (docs/state-tree.md) as the circuit proves it: key k's value hash goes from
/// old to new along a path whose siblings both roots share. Covers updating a present key, inserting into an empty
/// subtree and deleting where no leaf lifts (the path's shape is unchanged); splitting another key's leaf and lifting
/// a leaf after a delete are not yet covered (<see cref="Supports"/>).</summary>
public sealed record SmtUpdate(Fr Key, IReadOnlyList<Fr> Siblings, Fr? OldValueHash, Fr? NewValueHash)
{
    /// <summary>Whether a before/after pair of paths is one this chip proves: same key, same siblings, each end a leaf
    /// of the key or empty.</summary>
    public static bool Supports(TrieProof before, TrieProof after) =>
        before.Key == after.Key && before.Siblings.SequenceEqual(after.Siblings)
        && (before.Terminal == TerminalKind.Empty || before.ProvesPresence)
        && (after.Terminal == TerminalKind.Empty || after.ProvesPresence);

    public static SmtUpdate From(TrieProof before, TrieProof after)
    {
        if (!Supports(before, after)) throw new NotSupportedException("a state-tree update that changes the path's shape (a leaf split or lifted) has no circuit yet");
        return new(before.Key, before.Siblings, before.ProvesPresence ? before.LeafValueHash : null, after.ProvesPresence ? after.LeafValueHash : null);
    }
}

/// <summary>
/// Proves a chain of state-tree updates, each in a region of 256 rows (row i = depth i, root first):
/// <list type="bullet">
/// <item><b>The key's bits.</b> Row i holds bit i of k; the bits accumulate to k over the region, and a running
/// comparison with the bits of r proves the accumulated value is below r — without it, k + r (when below 2^254)
/// would give another bit string for the same field element and steer to another leaf.</item>
/// <item><b>The path.</b> A monotone flag <c>on</c> is 1 on depths above the terminal (0 ≤ i &lt; d). On such rows
/// the old and new nodes are Poseidon(2, left, right) of the next row's node and the row's sibling, left/right by the
/// bit; both are lookups into the <see cref="PoseidonChip"/>. At depth d (<c>term</c>) each node is the key's leaf
/// Poseidon(1, k, valueHash) or 0. Below, everything is 0.</item>
/// <item><b>The roots.</b> Row 0's nodes are the roots, carried down the region in <c>old_root</c>/<c>new_root</c>;
/// consecutive regions chain (one's new root is the next one's old root), so the first region's old root and the
/// last one's new root are what the batch moved the state between.</item>
/// </list>
/// Every constraint is degree ≤ 4 with its selectors.
/// </summary>
public sealed class SmtUpdateChip
{
    public const int RegionRows = 256;

    public Column QRegion { get; }
    public Column QStart { get; }
    public Column QEnd { get; }
    /// <summary>On the last row of every region but the last: the next region continues from this one's new root.</summary>
    public Column QChain { get; }
    public Column Pow2 { get; }
    public Column ModulusBit { get; }

    public Column Bit { get; }
    public Column Acc { get; }
    public Column BelowModulus { get; }
    public Column On { get; }
    public Column Term { get; }
    public Column Sibling { get; }
    public Column Old { get; }
    public Column New { get; }
    public Column OldLeft { get; }
    public Column OldRight { get; }
    public Column NewLeft { get; }
    public Column NewRight { get; }
    public Column Key { get; }
    public Column OldValueHash { get; }
    public Column NewValueHash { get; }
    public Column OldIsLeaf { get; }
    public Column NewIsLeaf { get; }
    public Column OldRoot { get; }
    public Column NewRoot { get; }

    public int Capacity { get; }
    public int RowCount => Capacity * RegionRows;

    public SmtUpdateChip(ConstraintSystem cs, PoseidonChip poseidon, int capacity)
    {
        if (!poseidon.Widths.Contains(4)) throw new ArgumentException("the state tree hashes nodes with Poseidon t = 4");
        Capacity = capacity;
        QRegion = cs.Selector("smt_q_region");
        QStart = cs.Selector("smt_q_start");
        QEnd = cs.Selector("smt_q_end");
        QChain = cs.Selector("smt_q_chain");
        Pow2 = cs.Fixed("smt_pow2");
        ModulusBit = cs.Fixed("smt_modulus_bit");
        Bit = cs.Advice("smt_bit");
        Acc = cs.Advice("smt_acc");
        BelowModulus = cs.Advice("smt_below_modulus");
        On = cs.Advice("smt_on_path");
        Term = cs.Advice("smt_terminal");
        Sibling = cs.Advice("smt_sibling");
        Old = cs.Advice("smt_old");
        New = cs.Advice("smt_new");
        OldLeft = cs.Advice("smt_old_left");
        OldRight = cs.Advice("smt_old_right");
        NewLeft = cs.Advice("smt_new_left");
        NewRight = cs.Advice("smt_new_right");
        Key = cs.Advice("smt_key");
        OldValueHash = cs.Advice("smt_old_value_hash");
        NewValueHash = cs.Advice("smt_new_value_hash");
        OldIsLeaf = cs.Advice("smt_old_is_leaf");
        NewIsLeaf = cs.Advice("smt_new_is_leaf");
        OldRoot = cs.Advice("smt_old_root");
        NewRoot = cs.Advice("smt_new_root");

        var q = QRegion.Cur;
        var notEnd = q - QEnd.Cur;
        var notStart = q - QStart.Cur;
        var bit = Bit.Cur;
        var on = On.Cur;
        var term = Term.Cur;

        // The key: bits, their sum, and the sum below r.
        var stepBelow = ModulusBit.Cur * ((1 - bit) + bit * BelowModulus.Cur) + (1 - ModulusBit.Cur) * (1 - bit) * BelowModulus.Cur;
        cs.Gate("smt key bits",
            ("bit is a bit", q * bit * (1 - bit)),
            ("the sum starts at zero", QStart.Cur * Acc.Cur),
            ("the sum adds bit·2^i", notEnd * (Acc.Next - Acc.Cur - bit * Pow2.Cur)),
            ("the bits sum to the key", QEnd.Cur * (Key.Cur - Acc.Cur - bit * Pow2.Cur)),
            ("the comparison starts equal", QStart.Cur * BelowModulus.Cur),
            ("the comparison takes the next bit", notEnd * (BelowModulus.Next - stepBelow)),
            ("the key is below r", QEnd.Cur * (1 - stepBelow)));

        // Values fixed over a region.
        var carried = new[] { Key, OldValueHash, NewValueHash, OldIsLeaf, NewIsLeaf, OldRoot, NewRoot };
        cs.Gate("smt region constants",
            carried.Select(c => ($"{c.Name} is the same on every row", notEnd * (c.Next - c.Cur)))
                .Append(("old is a leaf is a bit", q * OldIsLeaf.Cur * (1 - OldIsLeaf.Cur)))
                .Append(("new is a leaf is a bit", q * NewIsLeaf.Cur * (1 - NewIsLeaf.Cur)))
                .Append(("an absent old value has no hash", q * (1 - OldIsLeaf.Cur) * OldValueHash.Cur))
                .Append(("an absent new value has no hash", q * (1 - NewIsLeaf.Cur) * NewValueHash.Cur))
                .Append(("the old root is row 0's old node", QStart.Cur * (OldRoot.Cur - Old.Cur)))
                .Append(("the new root is row 0's new node", QStart.Cur * (NewRoot.Cur - New.Cur)))
                .Append(("updates chain", QChain.Cur * (OldRoot.Next - NewRoot.Cur)))
                .ToArray());

        // The path's extent: on is 1 above the terminal depth, then 0; term marks the depth where it drops.
        cs.Gate("smt path extent",
            ("on is a bit", q * on * (1 - on)),
            ("on never comes back", notEnd * On.Next * (1 - on)),
            ("the path ends within the region", QEnd.Cur * on),
            ("terminal at depth 0 when the path is empty", QStart.Cur * (term - (1 - on))),
            ("terminal where on drops", notStart * (term - (On.Prev - on))));

        // On the path: children ordered by the bit; off it, nothing.
        Expression Pick(Expression child, bool left) => left ? child + bit * (Sibling.Cur - child) : Sibling.Cur + bit * (child - Sibling.Cur);
        cs.Gate("smt path nodes",
            ("old left child", q * on * (OldLeft.Cur - Pick(Old.Next, true))),
            ("old right child", q * on * (OldRight.Cur - Pick(Old.Next, false))),
            ("new left child", q * on * (NewLeft.Cur - Pick(New.Next, true))),
            ("new right child", q * on * (NewRight.Cur - Pick(New.Next, false))),
            ("no sibling off the path", q * (1 - on) * Sibling.Cur),
            ("no old left child off the path", q * (1 - on) * OldLeft.Cur),
            ("no old right child off the path", q * (1 - on) * OldRight.Cur),
            ("no new left child off the path", q * (1 - on) * NewLeft.Cur),
            ("no new right child off the path", q * (1 - on) * NewRight.Cur),
            ("an absent old terminal is empty", q * term * (1 - OldIsLeaf.Cur) * Old.Cur),
            ("an absent new terminal is empty", q * term * (1 - NewIsLeaf.Cur) * New.Cur),
            ("nothing below the old terminal", q * (1 - on) * (1 - term) * Old.Cur),
            ("nothing below the new terminal", q * (1 - on) * (1 - term) * New.Cur),
            ("term is a bit", q * term * (1 - term)));

        var table = poseidon.TableExpressions;
        Expression[] NodeHash(Expression tag, Expression a, Expression b, Expression output) =>
            [Expression.Constant(4), tag, a, b, .. Enumerable.Repeat(Expression.Constant(0), poseidon.MaxWidth - 4), output];
        cs.Lookup("smt old branch is Poseidon(2, left, right)", q * on, NodeHash(Expression.Constant(2), OldLeft.Cur, OldRight.Cur, Old.Cur), table);
        cs.Lookup("smt new branch is Poseidon(2, left, right)", q * on, NodeHash(Expression.Constant(2), NewLeft.Cur, NewRight.Cur, New.Cur), table);
        cs.Lookup("smt old leaf is Poseidon(1, key, value hash)", q * term * OldIsLeaf.Cur, NodeHash(Expression.Constant(1), Key.Cur, OldValueHash.Cur, Old.Cur), table);
        cs.Lookup("smt new leaf is Poseidon(1, key, value hash)", q * term * NewIsLeaf.Cur, NodeHash(Expression.Constant(1), Key.Cur, NewValueHash.Cur, New.Cur), table);
    }

    private static readonly BigInteger R = Fr.Modulus;

    /// <summary>The width-4 Poseidon inputs the updates need (their leaves and branches); the regions find the hashes by
    /// lookup, so only their presence in the Poseidon chip matters, not the order.</summary>
    public static List<Fr[]> PoseidonInputs(IEnumerable<SmtUpdate> updates)
    {
        var inputs = new List<Fr[]>();
        foreach (var u in updates)
        {
            var (oldNodes, newNodes) = Nodes(u);
            var key = new TrieKey(u.Key);
            if (u.OldValueHash is { } ov) inputs.Add([Fr.FromUInt64(1), u.Key, ov]);
            if (u.NewValueHash is { } nv) inputs.Add([Fr.FromUInt64(1), u.Key, nv]);
            for (int i = u.Siblings.Count - 1; i >= 0; i--)
            {
                var s = u.Siblings[i];
                inputs.Add(key.Bit(i) == 0 ? [Fr.FromUInt64(2), oldNodes[i + 1], s] : [Fr.FromUInt64(2), s, oldNodes[i + 1]]);
                inputs.Add(key.Bit(i) == 0 ? [Fr.FromUInt64(2), newNodes[i + 1], s] : [Fr.FromUInt64(2), s, newNodes[i + 1]]);
            }
        }
        return inputs;
    }

    /// <summary>The nodes on the path, root first (index d is the terminal), before and after.</summary>
    public static (Fr[] Old, Fr[] New) Nodes(SmtUpdate u)
    {
        int d = u.Siblings.Count;
        var key = new TrieKey(u.Key);
        var o = new Fr[d + 1];
        var n = new Fr[d + 1];
        o[d] = u.OldValueHash is { } ov ? TrieNodeHash.Leaf(u.Key, ov) : Fr.Zero;
        n[d] = u.NewValueHash is { } nv ? TrieNodeHash.Leaf(u.Key, nv) : Fr.Zero;
        for (int i = d - 1; i >= 0; i--)
        {
            var s = u.Siblings[i];
            o[i] = key.Bit(i) == 0 ? TrieNodeHash.Branch(o[i + 1], s) : TrieNodeHash.Branch(s, o[i + 1]);
            n[i] = key.Bit(i) == 0 ? TrieNodeHash.Branch(n[i + 1], s) : TrieNodeHash.Branch(s, n[i + 1]);
        }
        return (o, n);
    }

    /// <summary>The update a padding region proves: the last real update's key left as it ended (same siblings, old =
    /// new), so the root carries through unchanged; with no updates at all, the empty trie's empty path.</summary>
    public static SmtUpdate Padding(IReadOnlyList<SmtUpdate> updates) =>
        updates.Count == 0 ? new SmtUpdate(Fr.Zero, [], null, null) : updates[^1] with { OldValueHash = updates[^1].NewValueHash };

    /// <summary>Every width-4 Poseidon input the regions need, padding included.</summary>
    public List<Fr[]> PoseidonInputsWithPadding(IReadOnlyList<SmtUpdate> updates) =>
        PoseidonInputs(updates.Concat(Enumerable.Repeat(Padding(updates), Capacity - updates.Count)));

    /// <summary>Fills the regions from <paramref name="startRow"/>: the updates, then padding regions. Returns the first
    /// old root and the last new root.</summary>
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
            if (region < Capacity - 1) a.Assign(QChain, row0 + RegionRows - 1, 1UL);

            AssignRegion(a, row0, region < updates.Count ? updates[region] : padding);
            if (region == 0) first = a[OldRoot, row0];
            last = a[NewRoot, row0];
        }
        return (first, last);
    }

    private void AssignRegion(Assignment a, int row0, SmtUpdate u)
    {
        int d = u.Siblings.Count;
        if (d >= RegionRows - 1) throw new InvalidOperationException($"a path of depth {d}");
        var (oldNodes, newNodes) = Nodes(u);
        var keyBig = u.Key.ToBigInteger();
        var key = new TrieKey(u.Key);
        BigInteger acc = 0;
        bool below = false;
        for (int i = 0; i < RegionRows; i++)
        {
            int row = row0 + i;
            int bit = (int)((keyBig >> i) & 1);
            int rBit = (int)((R >> i) & 1);
            a.Assign(Bit, row, (ulong)bit);
            a[Acc, row] = Fr.FromBigInteger(acc);
            a.Assign(BelowModulus, row, below ? 1UL : 0UL);
            acc += (BigInteger)bit << i;
            below = bit < rBit || (bit == rBit && below);

            a[Key, row] = u.Key;
            a[OldValueHash, row] = u.OldValueHash ?? Fr.Zero;
            a[NewValueHash, row] = u.NewValueHash ?? Fr.Zero;
            a.Assign(OldIsLeaf, row, u.OldValueHash is null ? 0UL : 1UL);
            a.Assign(NewIsLeaf, row, u.NewValueHash is null ? 0UL : 1UL);
            a[OldRoot, row] = oldNodes[0];
            a[NewRoot, row] = newNodes[0];
            a.Assign(On, row, i < d ? 1UL : 0UL);
            a.Assign(Term, row, i == d ? 1UL : 0UL);
            if (i <= d) { a[Old, row] = oldNodes[i]; a[New, row] = newNodes[i]; }
            if (i < d)
            {
                var s = u.Siblings[i];
                a[Sibling, row] = s;
                bool right = key.Bit(i) == 1;
                a[OldLeft, row] = right ? s : oldNodes[i + 1];
                a[OldRight, row] = right ? oldNodes[i + 1] : s;
                a[NewLeft, row] = right ? s : newNodes[i + 1];
                a[NewRight, row] = right ? newNodes[i + 1] : s;
            }
        }
    }

}
