namespace Rollup.Crypto.Bls12381.Curves;

/// <summary>Why a compressed point encoding was rejected (EIP-4844 fails on any of them).</summary>
public enum DecodeStatus
{
    Ok,
    /// <summary>Not exactly 48 (G1) or 96 (G2) bytes.</summary>
    WrongLength,
    /// <summary>The compression flag (top bit) is clear: these encodings are compressed only.</summary>
    NotCompressed,
    /// <summary>The infinity flag is set but the sign flag or some coordinate bit is not zero.</summary>
    NonCanonicalInfinity,
    /// <summary>A coordinate, once the flag bits are masked off, is not below p.</summary>
    CoordinateNotInField,
    /// <summary>No point of the curve has this x-coordinate (x^3 + b is not a square).</summary>
    NotOnCurve,
    /// <summary>The point is on the curve but not in the order-r subgroup.</summary>
    NotInSubgroup,
}
