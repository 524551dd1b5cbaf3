namespace Rollup.Core.Trie;

/// <summary>Trie paths are sequences of nibbles (half-bytes), one per byte here: simple to slice and
/// compare, and the paths are short (64 nibbles for a 32-byte key).</summary>
internal static class Nibbles
{
    public static byte[] FromKey(ReadOnlySpan<byte> key)
    {
        var nibbles = new byte[key.Length * 2];
        for (int i = 0; i < key.Length; i++)
        {
            nibbles[2 * i] = (byte)(key[i] >> 4);
            nibbles[2 * i + 1] = (byte)(key[i] & 0x0f);
        }
        return nibbles;
    }

    /// <summary>The bytes of an even-length nibble path (a whole key, when iterating).</summary>
    public static byte[] ToKey(ReadOnlySpan<byte> nibbles)
    {
        var key = new byte[nibbles.Length / 2];
        for (int i = 0; i < key.Length; i++) key[i] = (byte)(nibbles[2 * i] << 4 | nibbles[2 * i + 1]);
        return key;
    }

    public static int CommonPrefixLength(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => a.CommonPrefixLength(b);

    public static byte[] Concat(byte first, ReadOnlySpan<byte> rest)
    {
        var result = new byte[1 + rest.Length];
        result[0] = first;
        rest.CopyTo(result.AsSpan(1));
        return result;
    }

    public static byte[] Concat(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var result = new byte[a.Length + b.Length];
        a.CopyTo(result);
        b.CopyTo(result.AsSpan(a.Length));
        return result;
    }

    /// <summary>Length of the hex-prefix encoding of a path: the flag nibble plus the path, in whole bytes.</summary>
    public static int HexPrefixLength(int nibbleCount) => nibbleCount / 2 + 1;

    /// <summary>Ethereum's hex-prefix encoding, which packs a nibble path into bytes and records whether the
    /// path is odd in length and whether it ends in a leaf. The first nibble is the flag (2 for a leaf, plus 1
    /// if odd); an odd path's first nibble shares the first byte, an even path gets a zero nibble of padding.</summary>
    public static void WriteHexPrefix(ReadOnlySpan<byte> nibbles, bool isLeaf, Span<byte> destination)
    {
        bool odd = (nibbles.Length & 1) == 1;
        int flag = (isLeaf ? 2 : 0) + (odd ? 1 : 0);
        int at = 0;
        if (odd)
        {
            destination[0] = (byte)(flag << 4 | nibbles[0]);
            at = 1;
        }
        else destination[0] = (byte)(flag << 4);
        for (int o = 1; at < nibbles.Length; at += 2, o++) destination[o] = (byte)(nibbles[at] << 4 | nibbles[at + 1]);
    }
}
