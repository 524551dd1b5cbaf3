using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rollup.Core.Types;

namespace Rollup.Evm.Execution;

/// <summary>Bytecode ready to run: copied into a pinned buffer with 33 zero bytes after it, so that running off the end
/// reads STOP and a PUSH at the end reads zeros without bounds checks; and its JUMPDEST bitmap, so that a jump
/// target is checked with one bit test. Analysed once per code hash.</summary>
public sealed class CodeInfo
{
    private const int Padding = 33;
    private static readonly ConcurrentDictionary<Hash256, CodeInfo> Cache = new();

    /// <summary>Code followed by <c>Padding</c> zero bytes; pinned, so the interpreter can hold a raw pointer into it.</summary>
    public byte[] Padded { get; }
    public int Length { get; }
    private readonly ulong[] _jumpDests;

    public static readonly CodeInfo Empty = new([]);

    public CodeInfo(ReadOnlySpan<byte> code)
    {
        Length = code.Length;
        Padded = GC.AllocateArray<byte>(code.Length + Padding, pinned: true);
        code.CopyTo(Padded);
        _jumpDests = new ulong[(code.Length + 63) / 64 + 1];
        for (int pc = 0; pc < code.Length; pc++)
        {
            byte op = code[pc];
            if (op == 0x5b) _jumpDests[pc >> 6] |= 1UL << (pc & 63);
            else if (op is >= 0x60 and <= 0x7f) pc += op - 0x5f; // skip PUSH immediates: bytes inside them are data
        }
    }

    public ReadOnlySpan<byte> Code => Padded.AsSpan(0, Length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsJumpDest(ulong destination) =>
        destination < (ulong)Length // then the bitmap word exists, so it is read without a bounds check
        && (Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_jumpDests), (nint)(destination >> 6)) & (1UL << (int)(destination & 63))) != 0;

    /// <summary>The analysed form of deployed code, shared by every call to it.</summary>
    public static CodeInfo ForDeployed(in Hash256 codeHash, byte[] code)
    {
        if (code.Length == 0) return Empty;
        if (Cache.TryGetValue(codeHash, out var info)) return info;
        info = new CodeInfo(code);
        if (Cache.Count > 50_000) Cache.Clear(); // bound the cache; analysis is cheap to redo
        Cache[codeHash] = info;
        return info;
    }
}
