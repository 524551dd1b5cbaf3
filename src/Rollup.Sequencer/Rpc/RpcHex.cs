using System.Globalization;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Sequencer.Rpc;

/// <summary>JSON-RPC's hex encodings, parsed as strictly as geth does (its messages too): quantities are 0x-prefixed
/// without leading zeros, data is 0x-prefixed with an even number of digits, addresses and hashes have exact sizes.</summary>
public static class RpcHex
{
    public static string Quantity(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
    public static string Quantity(in UInt256 value) => value.ToHexString();
    public static string Data(ReadOnlySpan<byte> bytes) => Hex.ToHex(bytes);

    public static UInt256 ParseQuantity(string text)
    {
        var digits = Digits(text);
        if (digits.Length == 0) throw new FormatException("hex string \"0x\"");
        if (digits.Length > 1 && digits[0] == '0') throw new FormatException("hex number with leading zero digits");
        if (digits.Length > 64) throw new FormatException("hex number > 256 bits");
        if (!UInt256.TryParse("0x" + digits, out var value)) throw new FormatException("invalid hex string");
        return value;
    }

    public static ulong ParseUInt64(string text)
    {
        var v = ParseQuantity(text);
        if (!v.FitsInUlong) throw new FormatException("hex number > 64 bits");
        return (ulong)v;
    }

    public static byte[] ParseData(string text)
    {
        var digits = Digits(text);
        if ((digits.Length & 1) == 1) throw new FormatException("hex string of odd length");
        try { return Hex.Parse(digits); }
        catch (FormatException) { throw new FormatException("invalid hex string"); }
    }

    public static Address ParseAddress(string text)
    {
        var bytes = ParseData(text);
        if (bytes.Length != Address.Size) throw new FormatException($"hex string has length {bytes.Length * 2}, want 40 for common.Address");
        return new Address(bytes);
    }

    public static Hash256 ParseHash(string text)
    {
        var bytes = ParseData(text);
        if (bytes.Length != Hash256.Size) throw new FormatException($"hex string has length {bytes.Length * 2}, want 64 for common.Hash");
        return new Hash256(bytes);
    }

    private static string Digits(string text)
    {
        if (!text.StartsWith("0x", StringComparison.Ordinal) && !text.StartsWith("0X", StringComparison.Ordinal))
            throw new FormatException("hex string without 0x prefix");
        return text[2..];
    }
}
