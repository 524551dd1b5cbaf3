using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rollup.Evm.Execution;

/// <summary>A call frame's memory: a byte array that only grows, in 32-byte words. Gas for growth is charged by the
/// caller through <see cref="GasCost"/> before <see cref="Grow"/> is called.</summary>
public sealed class EvmMemory
{
    private byte[] _buffer = [];

    /// <summary>The active size in bytes (a multiple of 32): what MSIZE returns.</summary>
    public ulong Size { get; private set; }

    /// <summary>Total gas paid for memory so far: 3·words + words²/512.</summary>
    public long Cost { get; private set; }

    public void Reset()
    {
        Size = 0;
        Cost = 0;
        if (_buffer.Length > 1 << 20) _buffer = []; // don't keep huge buffers in pooled frames
        else _buffer.AsSpan().Clear();
    }

    /// <summary>The memory cost of a given number of words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long GasCost(ulong words) => (long)(words * 3 + words * words / 512);

    /// <summary>Grows to cover <paramref name="end"/> bytes (rounded up to a word); the gas must already be paid.</summary>
    public void Grow(ulong end, long newCost)
    {
        ulong newSize = (end + 31) & ~31UL;
        if (newSize <= Size) return;
        if (newSize > (ulong)_buffer.Length)
        {
            ulong capacity = Math.Max(newSize, Math.Min((ulong)_buffer.Length * 2, (ulong)Array.MaxLength));
            Array.Resize(ref _buffer, (int)Math.Max(capacity, 1024));
        }
        Size = newSize;
        Cost = newCost;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> Slice(ulong offset, ulong length) => _buffer.AsSpan((int)offset, (int)length);

    /// <summary>The byte at <paramref name="offset"/>, unchecked: the caller has grown memory to cover the access
    /// (MLOAD and MSTORE read and write a word through this without span bounds checks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref byte At(ulong offset) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), (nint)offset);

    public byte[] ToArray(ulong offset, ulong length) => length == 0 ? [] : _buffer.AsSpan((int)offset, (int)length).ToArray();

    /// <summary>The whole active memory (for tracers).</summary>
    public ReadOnlySpan<byte> Active => _buffer.AsSpan(0, (int)Size);
}
