namespace Rollup.Crypto.Bn254.Curves;

/// <summary>Why an encoded point was rejected (the EVM precompiles fail on any of them).</summary>
public enum PointDecodeStatus
{
    Ok,
    /// <summary>The input is not exactly the encoding's length.</summary>
    WrongLength,
    /// <summary>A coordinate is not below the base field modulus q.</summary>
    CoordinateNotInField,
    /// <summary>The coordinates do not satisfy the curve equation.</summary>
    NotOnCurve,
    /// <summary>G2 only: the point is on the twist but not in the order-r subgroup.</summary>
    NotInSubgroup,
}
