using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Hashing;

namespace Rollup.State.Trie;

/// <summary>
/// The three node hashes of the tree (docs/state-tree.md). Every non-empty node is one Poseidon of three inputs
/// (width t = 4) whose first input is a domain tag, so a leaf can never be read as a branch or the reverse, and
/// the circuit needs a single permutation width for every level of a path. The empty subtree is 0, which no
/// Poseidon output equals short of a preimage.
/// </summary>
public static class NodeHash
{
    public const ulong LeafTag = 1;
    public const ulong BranchTag = 2;

    public static Fr Empty => Fr.Zero;

    private static readonly Fr LeafDomain = Fr.FromUInt64(LeafTag);
    private static readonly Fr BranchDomain = Fr.FromUInt64(BranchTag);

    /// <summary>Poseidon(1, key, valueHash): the full key is inside, so a leaf that sits at a short prefix is
    /// still bound to exactly one key.</summary>
    public static Fr Leaf(in Fr key, in Fr valueHash)
    {
        ReadOnlySpan<Fr> inputs = [LeafDomain, key, valueHash];
        return Poseidon.Hash(inputs);
    }

    /// <summary>Poseidon(2, left, right).</summary>
    public static Fr Branch(in Fr left, in Fr right)
    {
        ReadOnlySpan<Fr> inputs = [BranchDomain, left, right];
        return Poseidon.Hash(inputs);
    }
}
