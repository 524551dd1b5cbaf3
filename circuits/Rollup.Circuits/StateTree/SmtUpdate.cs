using Rollup.Crypto.Bn254.Fields;
using Rollup.State.Trie;

namespace Rollup.Circuits.StateTree;

/// <summary>How one side of an update ends: nothing, the key's own leaf, or the leaf of another key on its path.</summary>
public enum SmtTerminal : byte { Empty, KeyLeaf, OtherLeaf }

/// <summary>One update of the state tree (docs/state-tree.md §2) as the circuit proves it: key k's path before and after,
/// with how each ends. The other key (when a side ends in another key's leaf) is the same on both sides: an absence
/// proof that stays one, an insert that splits that leaf (the new path is longer: zero siblings, then that leaf), or a
/// delete that lifts it (the old path is longer). <see cref="SiblingBranch"/> proves, for a delete that lifts nothing,
/// that the remaining sibling is a branch (were it a leaf, it would have to lift).</summary>
public sealed record SmtUpdate(
    Fr Key,
    IReadOnlyList<Fr> OldSiblings, SmtTerminal OldTerminal, Fr OldValueHash,
    IReadOnlyList<Fr> NewSiblings, SmtTerminal NewTerminal, Fr NewValueHash,
    Fr OtherKey, Fr OtherValueHash,
    (Fr Left, Fr Right)? SiblingBranch)
{
    /// <summary>Which trie the update is in: 0 for the account trie, the account's address (as a field element) for its
    /// storage trie.</summary>
    public Fr Trie { get; init; }

    /// <summary>What the key and value hashes hash (bound by <see cref="LeafPreimages"/>), when the circuit checks them.</summary>
    public LeafPreimage? Preimage { get; init; }

    public bool HasOther => OldTerminal == SmtTerminal.OtherLeaf || NewTerminal == SmtTerminal.OtherLeaf;
    public bool NewLonger => NewSiblings.Count > OldSiblings.Count;
    public bool OldLonger => OldSiblings.Count > NewSiblings.Count;
    public bool DeletesWithoutLift => OldTerminal == SmtTerminal.KeyLeaf && NewTerminal == SmtTerminal.Empty && NewSiblings.Count > 0;

    /// <summary>From the paths before and after (TrieReader.Prove on the roots before and after); <paramref name="after"/>'s
    /// store gives the remaining sibling's children when the update deletes without a lift.</summary>
    public static SmtUpdate From(TrieProof before, TrieProof after, INodeReader afterNodes)
    {
        if (before.Key != after.Key) throw new ArgumentException("the two paths are for different keys");
        var (oldTerminal, oldVh, oldOther, oldOtherVh) = Ending(before);
        var (newTerminal, newVh, newOther, newOtherVh) = Ending(after);
        if (oldTerminal == SmtTerminal.OtherLeaf && newTerminal == SmtTerminal.OtherLeaf && oldOther != newOther)
            throw new ArgumentException("the paths end in two different other keys' leaves");
        var other = oldTerminal == SmtTerminal.OtherLeaf ? (oldOther, oldOtherVh) : (newOther, newOtherVh);
        (Fr, Fr)? branch = null;
        if (oldTerminal == SmtTerminal.KeyLeaf && newTerminal == SmtTerminal.Empty && after.Siblings.Count > 0)
        {
            var node = afterNodes.TryGetNode(after.Siblings[^1]) ?? throw new InvalidOperationException("the remaining sibling is not in the store");
            if (node.Kind != NodeKind.Branch) throw new InvalidOperationException("a delete left a leaf sibling unlifted");
            branch = (node.Left, node.Right);
        }
        return new SmtUpdate(before.Key, before.Siblings, oldTerminal, oldVh, after.Siblings, newTerminal, newVh, other.Item1, other.Item2, branch);
    }

    private static (SmtTerminal, Fr ValueHash, Fr OtherKey, Fr OtherValueHash) Ending(TrieProof p) =>
        p.Terminal == TerminalKind.Empty ? (SmtTerminal.Empty, Fr.Zero, Fr.Zero, Fr.Zero)
        : p.ProvesPresence ? (SmtTerminal.KeyLeaf, p.LeafValueHash, Fr.Zero, Fr.Zero)
        : (SmtTerminal.OtherLeaf, Fr.Zero, p.LeafKey, p.LeafValueHash);

    /// <summary>The same key left as it is on the side that ended: old = new (padding regions use it).</summary>
    public SmtUpdate Unchanged() => this with
    {
        OldSiblings = NewSiblings, OldTerminal = NewTerminal, OldValueHash = NewValueHash,
        OtherKey = NewTerminal == SmtTerminal.OtherLeaf ? OtherKey : Fr.Zero,
        OtherValueHash = NewTerminal == SmtTerminal.OtherLeaf ? OtherValueHash : Fr.Zero,
        SiblingBranch = null,
        Preimage = Preimage is null ? null : Preimage with { OldFields = Preimage.NewFields },
    };
}
