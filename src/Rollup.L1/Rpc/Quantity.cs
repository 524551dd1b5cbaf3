using System.Text.Json;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.L1.Rpc;

/// <summary>The JSON-RPC value encodings: quantities are minimal 0x-hex ("0x0", "0x1a"), data is 0x-hex of whole
/// bytes. Parsing is strict so that a malformed answer is reported, not misread.</summary>
public static class Quantity
{
    public static string Of(ulong value) => "0x" + value.ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    public static string Of(UInt256 value) => value.ToHexString();

    public static UInt256 ToUInt256(JsonElement element)
    {
        string text = element.GetString() ?? throw new FormatException("expected a hex quantity, got null");
        if (!text.StartsWith("0x", StringComparison.Ordinal) || !UInt256.TryParse(text.Length == 2 ? "0x0" : text, out var value))
            throw new FormatException($"'{text}' is not a hex quantity");
        return value;
    }

    public static ulong ToUInt64(JsonElement element)
    {
        var value = ToUInt256(element);
        if (!value.FitsInUlong) throw new FormatException($"{value} does not fit 64 bits");
        return (ulong)value;
    }

    public static byte[] ToBytes(JsonElement element) => Hex.Parse(element.GetString() ?? "0x");

    public static Hash256 ToHash(JsonElement element) => Hash256.Parse(element.GetString() ?? throw new FormatException("expected a 32-byte hash, got null"));

    public static Address ToAddress(JsonElement element) => Address.Parse(element.GetString() ?? throw new FormatException("expected an address, got null"));
}
