namespace Rollup.Core.Rlp;

/// <summary>Why an RLP input was rejected. Ethereum accepts exactly one encoding per value, so every
/// non-canonical form is an error, not just malformed input.</summary>
public enum RlpError
{
    /// <summary>The input ends where an item or the length bytes of its header should be.</summary>
    Truncated,
    /// <summary>The declared length of an item runs past the end of the input or of the enclosing list.</summary>
    LengthBeyondEnd,
    /// <summary>A length too large to address (more than int.MaxValue bytes).</summary>
    LengthOverflow,
    /// <summary>A single byte below 0x80 written as a one-byte string (0x81 xx); it must stand alone.</summary>
    NonCanonicalSingleByte,
    /// <summary>The long header form (0xb8.. or 0xf8..) used for a length below 56, which has a short form.</summary>
    NonCanonicalLongLength,
    /// <summary>The length in a long header starts with a zero byte.</summary>
    LengthLeadingZero,
    /// <summary>An integer's big-endian bytes start with zero (zero itself is the empty string, 0x80).</summary>
    IntegerLeadingZero,
    /// <summary>An integer has more bytes than the type being read can hold.</summary>
    IntegerTooLarge,
    /// <summary>Bytes left over after the last item (of the input, or of a list).</summary>
    TrailingBytes,
    /// <summary>A list where a string was expected.</summary>
    UnexpectedList,
    /// <summary>A string where a list was expected.</summary>
    UnexpectedString,
    /// <summary>A string of the wrong length where a fixed size (a hash, an address) was expected.</summary>
    UnexpectedLength,
}
