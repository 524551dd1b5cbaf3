using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Rollup.Core.Numerics;

// Text forms: decimal for people and for the conformance fixtures that use it, and the JSON-RPC
// "quantity" hex (0x prefix, no leading zeros, "0x0" for zero) that wallets and libraries expect.
public readonly partial struct UInt256
{
    // 10^19 is the largest power of ten below 2^64: decimal text is produced and consumed in
    // 19-digit chunks, one limb division or multiplication each.
    private const ulong DecimalChunk = 10_000_000_000_000_000_000UL;
    private const int DecimalChunkDigits = 19;
    private const int MaxDecimalDigits = 78; // 2^256 - 1 has 78 digits

    /// <summary>Decimal.</summary>
    [SkipLocalsInit]
    public override string ToString()
    {
        if (FitsInUlong) return U0.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Span<char> buffer = stackalloc char[MaxDecimalDigits + DecimalChunkDigits];
        Span<ulong> limbs = stackalloc ulong[4];
        Limbs.CopyTo(limbs);
        int length = 4;
        int position = buffer.Length;
        while (length > 0)
        {
            ulong chunk = DivRemBy64(limbs[..length], DecimalChunk, limbs);
            while (length > 0 && limbs[length - 1] == 0) length--;
            // Every chunk but the leading one is written with its zeros.
            for (int i = 0; i < DecimalChunkDigits && (length > 0 || chunk != 0); i++)
            {
                buffer[--position] = (char)('0' + (int)(chunk % 10));
                chunk /= 10;
            }
        }
        return new string(buffer[position..]);
    }

    /// <summary>JSON-RPC quantity: "0x" and minimal lowercase hex; "0x0" for zero.</summary>
    public string ToHexString()
    {
        int digits = Math.Max(1, (BitLength + 3) >> 2);
        return string.Create(digits + 2, this, static (span, value) =>
        {
            span[0] = '0';
            span[1] = 'x';
            int limbIndex = 0;
            int shift = 0;
            ulong limb = value.U0;
            for (int i = span.Length - 1; i >= 2; i--)
            {
                span[i] = "0123456789abcdef"[(int)((limb >> shift) & 0xF)];
                shift += 4;
                if (shift == 64)
                {
                    shift = 0;
                    limbIndex++;
                    limb = limbIndex switch { 1 => value.U1, 2 => value.U2, _ => value.U3 };
                }
            }
        });
    }

    /// <summary>Parses decimal digits, or hex digits after "0x"/"0X". No sign, spaces or separators.</summary>
    /// <exception cref="ArgumentNullException">when <paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">when the text is empty or not a number in either form.</exception>
    /// <exception cref="OverflowException">when the value is 2^256 or more.</exception>
    public static UInt256 Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ParseCore(text, out UInt256 value) switch
        {
            ParseStatus.Ok => value,
            ParseStatus.Overflow => throw new OverflowException($"'{Shorten(text)}' is 2^256 or more"),
            _ => throw new FormatException($"'{Shorten(text)}' is not a decimal or 0x-hex unsigned 256-bit integer"),
        };
    }

    /// <summary>As <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out UInt256 value)
    {
        if (text is null)
        {
            value = default;
            return false;
        }
        return ParseCore(text, out value) == ParseStatus.Ok;
    }

    private enum ParseStatus { Ok, Invalid, Overflow }

    private static ParseStatus ParseCore(ReadOnlySpan<char> text, out UInt256 value)
    {
        value = default;
        if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
            return ParseHex(text[2..], out value);
        return text.IsEmpty ? ParseStatus.Invalid : ParseDecimal(text, out value);
    }

    private static ParseStatus ParseHex(ReadOnlySpan<char> digits, out UInt256 value)
    {
        value = default;
        ulong u0 = 0, u1 = 0, u2 = 0, u3 = 0;
        foreach (char c in digits)
        {
            int nibble = HexDigitValue(c);
            if (nibble < 0) return ParseStatus.Invalid;
            if ((u3 >> 60) != 0) return ParseStatus.Overflow;
            u3 = (u3 << 4) | (u2 >> 60);
            u2 = (u2 << 4) | (u1 >> 60);
            u1 = (u1 << 4) | (u0 >> 60);
            u0 = (u0 << 4) | (uint)nibble;
        }
        value = new UInt256(u0, u1, u2, u3);
        return ParseStatus.Ok;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HexDigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static ParseStatus ParseDecimal(ReadOnlySpan<char> digits, out UInt256 value)
    {
        value = default;
        foreach (char c in digits)
            if (c < '0' || c > '9') return ParseStatus.Invalid;
        // Leading zeros are harmless but would make a long, small number look like an overflow.
        digits = digits.TrimStart('0');
        if (digits.Length > MaxDecimalDigits) return ParseStatus.Overflow;

        ulong u0 = 0, u1 = 0, u2 = 0, u3 = 0;
        // The first chunk takes the odd digits so the rest are full 19-digit chunks.
        int first = digits.Length % DecimalChunkDigits;
        if (first == 0) first = Math.Min(DecimalChunkDigits, digits.Length);
        int start = 0;
        int take = first;
        while (start < digits.Length)
        {
            ulong chunk = 0;
            ulong scale = 1;
            foreach (char c in digits.Slice(start, take))
            {
                chunk = chunk * 10 + (uint)(c - '0');
                scale *= 10;
            }
            // value = value * scale + chunk, watching for a carry out of the top limb.
            ulong carry = MultiplyAdd(u0, scale, chunk, out u0);
            carry = MultiplyAdd(u1, scale, carry, out u1);
            carry = MultiplyAdd(u2, scale, carry, out u2);
            carry = MultiplyAdd(u3, scale, carry, out u3);
            if (carry != 0) return ParseStatus.Overflow;
            start += take;
            take = DecimalChunkDigits;
        }
        value = new UInt256(u0, u1, u2, u3);
        return ParseStatus.Ok;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "...";

    /// <summary>For tests and slow paths only: the same value as a BigInteger.</summary>
    [SkipLocalsInit]
    public BigInteger ToBigInteger()
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>For tests and slow paths only.</summary>
    /// <exception cref="OverflowException">when <paramref name="value"/> is negative or 2^256 or more.</exception>
    [SkipLocalsInit]
    public static UInt256 FromBigInteger(BigInteger value)
    {
        if (value.Sign < 0) throw new OverflowException("a UInt256 cannot be negative");
        Span<byte> bytes = stackalloc byte[32];
        if (!value.TryWriteBytes(bytes, out int written, isUnsigned: true, isBigEndian: true))
            throw new OverflowException("value is 2^256 or more");
        return new UInt256(bytes[..written]);
    }

    public static explicit operator BigInteger(in UInt256 value) => value.ToBigInteger();

    public static explicit operator UInt256(BigInteger value) => FromBigInteger(value);
}
