using Rollup.Crypto.Bn254.Fields;

namespace Rollup.State.Trie;

/// <summary>
/// A path key: a field element whose bits, least significant first, steer a lookup from the root (bit 0 at the
/// root, bit i at depth i; 0 = left, 1 = right). Keys are below r &lt; 2^254, so two distinct keys differ in one of
/// bits 0..253 and no leaf sits deeper than <see cref="MaxDepth"/>. The canonical limbs are kept beside the field
/// element because the element itself is stored in Montgomery form, whose bits are not the key's.
/// </summary>
public readonly struct TrieKey : IEquatable<TrieKey>
{
    /// <summary>Deepest possible leaf: bits 0..253 can all be shared only by equal keys.</summary>
    public const int MaxDepth = 254;

    public readonly Fr Value;
    private readonly ulong _l0, _l1, _l2, _l3;

    public TrieKey(in Fr value)
    {
        Value = value;
        Span<ulong> limbs = stackalloc ulong[4];
        value.ToLittleEndianLimbs(limbs);
        _l0 = limbs[0]; _l1 = limbs[1]; _l2 = limbs[2]; _l3 = limbs[3];
    }

    /// <summary>The branch direction at <paramref name="depth"/>: bit <paramref name="depth"/> of the key.</summary>
    public int Bit(int depth)
    {
        ulong limb = (depth >> 6) switch { 0 => _l0, 1 => _l1, 2 => _l2, _ => _l3 };
        return (int)((limb >> (depth & 63)) & 1);
    }

    /// <summary>True when the two keys agree on bits 0..depth-1 (the path to a node at <paramref name="depth"/>).</summary>
    public bool SharesPrefix(in TrieKey other, int depth)
    {
        for (int i = 0; i < depth; i++)
            if (Bit(i) != other.Bit(i)) return false;
        return true;
    }

    public bool Equals(TrieKey other) => Value == other.Value;
    public override bool Equals(object? obj) => obj is TrieKey k && Equals(k);
    public override int GetHashCode() => Value.GetHashCode();
    public override string ToString() => Value.ToString();
}
