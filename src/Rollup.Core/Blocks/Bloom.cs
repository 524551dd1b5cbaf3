using Rollup.Core.Chain;
using Rollup.Core.Crypto;
using Rollup.Core.Encoding;
using Rollup.Core.Types;

namespace Rollup.Core.Blocks;

/// <summary>The 2048-bit logs bloom of receipts and headers. Each address and topic sets three bits, chosen by the
/// yellow paper's rule: the first three pairs of bytes of its Keccak-256 hash, each taken modulo 2048. A mutable
/// accumulator: receipts add their logs to it and a block unions its receipts' blooms.</summary>
public sealed class Bloom : IEquatable<Bloom>
{
    public const int Size = 256;
    private readonly byte[] _bits = new byte[Size];

    public Bloom() { }

    public Bloom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException($"a bloom is {Size} bytes, got {bytes.Length}", nameof(bytes));
        bytes.CopyTo(_bits);
    }

    public static Bloom Parse(string hex) => new(Hex.Parse(hex));

    /// <summary>The bloom of a list of logs: every emitting address and every topic.</summary>
    public static Bloom FromLogs(IEnumerable<LogEntry> logs)
    {
        var bloom = new Bloom();
        foreach (var log in logs) bloom.Add(log);
        return bloom;
    }

    public ReadOnlySpan<byte> Bytes => _bits;

    public bool IsEmpty => _bits.AsSpan().IndexOfAnyExcept((byte)0) < 0;

    public void Add(LogEntry log)
    {
        Add(log.Address.Bytes);
        foreach (var topic in log.Topics) Add(topic.Bytes);
    }

    /// <summary>Sets the three bits of one item (an address's 20 bytes or a topic's 32).</summary>
    public void Add(ReadOnlySpan<byte> item)
    {
        Span<byte> hash = stackalloc byte[Keccak256.Size];
        Keccak256.Hash(item, hash);
        for (int i = 0; i < 6; i += 2)
        {
            var (index, mask) = BitOf(hash, i);
            _bits[index] |= mask;
        }
    }

    /// <summary>Whether all three bits of the item are set: false means the item is certainly absent, true that it
    /// may be present.</summary>
    public bool Contains(ReadOnlySpan<byte> item)
    {
        Span<byte> hash = stackalloc byte[Keccak256.Size];
        Keccak256.Hash(item, hash);
        for (int i = 0; i < 6; i += 2)
        {
            var (index, mask) = BitOf(hash, i);
            if ((_bits[index] & mask) == 0) return false;
        }
        return true;
    }

    public bool Contains(in Address address) => Contains(address.Bytes);
    public bool Contains(in Hash256 topic) => Contains(topic.Bytes);

    public void UnionWith(Bloom other)
    {
        for (int i = 0; i < Size; i++) _bits[i] |= other._bits[i];
    }

    /// <summary>Bit k (0..2047, counted from the least significant bit of the big-endian 256-byte value) from the low 11
    /// bits of the hash's bytes i and i+1.</summary>
    private static (int Index, byte Mask) BitOf(ReadOnlySpan<byte> hash, int i)
    {
        int bit = ((hash[i] << 8) | hash[i + 1]) & 2047;
        return (Size - 1 - bit / 8, (byte)(1 << (bit % 8)));
    }

    public bool Equals(Bloom? other) => other is not null && _bits.AsSpan().SequenceEqual(other._bits);
    public override bool Equals(object? obj) => Equals(obj as Bloom);
    public override int GetHashCode() => HashCode.Combine(BitConverter.ToInt64(_bits, 0), BitConverter.ToInt64(_bits, Size - 8));
    public override string ToString() => Hex.ToHex(_bits);
}
