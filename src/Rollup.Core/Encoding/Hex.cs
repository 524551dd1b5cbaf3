namespace Rollup.Core.Encoding;

/// <summary>Hex conversion for the 0x-prefixed strings Ethereum uses everywhere (fixtures, JSON-RPC).</summary>
public static class Hex
{
    /// <summary>Lower-case hex with a 0x prefix.</summary>
    public static string ToHex(ReadOnlySpan<byte> bytes, bool prefix = true)
    {
        string body = Convert.ToHexStringLower(bytes);
        return prefix ? "0x" + body : body;
    }

    /// <summary>Parses hex with or without 0x; an odd number of digits gets an implied leading zero.</summary>
    /// <exception cref="FormatException">when a character is not a hex digit.</exception>
    public static byte[] Parse(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("0x") || text.StartsWith("0X")) text = text[2..];
        if (text.Length == 0) return [];
        if ((text.Length & 1) == 1)
        {
            Span<char> padded = text.Length < 1024 ? stackalloc char[text.Length + 1] : new char[text.Length + 1];
            padded[0] = '0';
            text.CopyTo(padded[1..]);
            return FromEven(padded);
        }
        return FromEven(text);
    }

    private static byte[] FromEven(ReadOnlySpan<char> text)
    {
        var result = new byte[text.Length / 2];
        var status = Convert.FromHexString(text, result, out _, out _);
        if (status != System.Buffers.OperationStatus.Done)
            throw new FormatException($"invalid hex string: '{Truncate(text)}'");
        return result;
    }

    /// <summary>Parses hex into exactly <paramref name="destination"/>.Length bytes, left-padding with zeros.</summary>
    /// <exception cref="FormatException">when the value has more bytes than the destination.</exception>
    public static void ParseInto(ReadOnlySpan<char> text, Span<byte> destination)
    {
        byte[] raw = Parse(text);
        if (raw.Length > destination.Length)
            throw new FormatException($"hex value has {raw.Length} bytes, at most {destination.Length} allowed");
        destination.Clear();
        raw.CopyTo(destination[(destination.Length - raw.Length)..]);
    }

    private static string Truncate(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : text[..40].ToString() + "...";
}
