using System.Buffers;
using System.Numerics;

namespace Rollup.Core.Rlp;

/// <summary>Builds an RLP encoding item by item into a growable pooled buffer, for shapes whose sizes are
/// not known up front. Lists are opened and closed: <c>int list = w.StartList(); ...; w.EndList(list);</c>.</summary>
/// <remarks>
/// A list's header size depends on its payload length, which is known only when the list closes; EndList
/// then moves the payload right by the header size and writes the header in front. That costs a copy per
/// nesting level, cheap for the shallow shapes Ethereum uses. When sizes are known up front, computing
/// them with <see cref="RlpEncoding"/> and writing once is cheaper still.
/// Dispose returns the buffer to the pool; the writer can be reused after <see cref="Reset"/>.
/// </remarks>
public sealed class RlpWriter(int initialCapacity = 256) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(16, initialCapacity));
    private int _length;
    private int _openLists;

    public int Length => _length;

    /// <summary>The encoding so far; valid until the next write.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public byte[] ToArray()
    {
        if (_openLists != 0) throw new InvalidOperationException($"{_openLists} list(s) still open");
        return WrittenSpan.ToArray();
    }

    public void Reset()
    {
        _length = 0;
        _openLists = 0;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes) => _length += RlpEncoding.WriteBytes(Reserve(RlpEncoding.LengthOfBytes(bytes)), bytes);

    public void WriteUInt64(ulong value) => _length += RlpEncoding.WriteUInt64(Reserve(RlpEncoding.LengthOfUInt64(value)), value);

    /// <summary>A big-endian unsigned integer of any size; leading zeros are dropped, as RLP requires.</summary>
    public void WriteUnsigned(ReadOnlySpan<byte> bigEndian) => WriteBytes(RlpEncoding.TrimLeadingZeros(bigEndian));

    public void WriteBigInteger(BigInteger value) => WriteBytes(RlpEncoding.UnsignedBytes(value));

    /// <summary>Appends an item that is already RLP-encoded (a cached trie node, a signed transaction).</summary>
    public void WriteRaw(ReadOnlySpan<byte> encodedItem)
    {
        encodedItem.CopyTo(Reserve(encodedItem.Length));
        _length += encodedItem.Length;
    }

    /// <summary>Opens a list; pass the returned mark to <see cref="EndList"/>.</summary>
    public int StartList()
    {
        _openLists++;
        return _length;
    }

    public void EndList(int mark)
    {
        if (_openLists == 0 || mark < 0 || mark > _length) throw new InvalidOperationException("EndList without a matching StartList");
        _openLists--;
        int payload = _length - mark;
        int header = RlpEncoding.HeaderLength(payload);
        Reserve(header);
        _buffer.AsSpan(mark, payload).CopyTo(_buffer.AsSpan(mark + header));
        RlpEncoding.WriteListHeader(_buffer.AsSpan(mark, header), payload);
        _length += header;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>Makes room for <paramref name="count"/> more bytes and returns that space (not yet counted).</summary>
    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        return _buffer.AsSpan(_length, count);
    }
}
