using Rollup.Core.Encoding;
using Rollup.Core.Numerics;

namespace Rollup.L1.Abi;

/// <summary>Why a call reverted, decoded from its revert data: a custom error with its arguments, Error(string),
/// Panic(code), or unrecognised bytes (<see cref="Error"/> null).</summary>
public sealed record DecodedRevert(AbiError? Error, IReadOnlyList<object?> Arguments, byte[] Data)
{
    /// <summary>The error's name ("NotSequencer"), or null when the data matched no known error.</summary>
    public string? Name => Error?.Name;

    public static DecodedRevert Unrecognised(ReadOnlySpan<byte> data) => new(null, [], data.ToArray());

    public override string ToString()
    {
        if (Error is null) return Data.Length == 0 ? "reverted without data" : $"unrecognised revert data {Hex.ToHex(Data)}";
        if (Error == AbiError.Panic && Arguments[0] is UInt256 code) return $"Panic(0x{(ulong)code:x2}: {PanicMeaning(code)})";
        return AbiFormatter.Call(Error.Name, Error.Inputs, Arguments);
    }

    /// <summary>Solidity's documented panic codes.</summary>
    private static string PanicMeaning(UInt256 code) => (ulong)code switch
    {
        0x01 => "assertion failed",
        0x11 => "arithmetic overflow or underflow",
        0x12 => "division or modulo by zero",
        0x21 => "invalid enum value",
        0x22 => "corrupt storage byte array",
        0x31 => "pop on an empty array",
        0x32 => "array index out of bounds",
        0x41 => "out of memory",
        0x51 => "call to an uninitialised function pointer",
        _ => "unknown panic code",
    };
}
