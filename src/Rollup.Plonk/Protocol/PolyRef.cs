namespace Rollup.Plonk.Protocol;

/// <summary>The polynomials a proof speaks about, beyond the circuit's own columns.</summary>
public enum PolyKind : byte
{
    Fixed, Advice, Instance,
    /// <summary>σ_i of the permutation argument, one per equality column.</summary>
    Sigma,
    /// <summary>The permutation's partial products, one per chunk of equality columns.</summary>
    PermutationProduct,
    /// <summary>A lookup's multiplicities m.</summary>
    LookupMultiplicity,
    /// <summary>A lookup's logUp running sum φ.</summary>
    LookupSum,
    /// <summary>A piece of the quotient h.</summary>
    Quotient,
}

/// <summary>One polynomial of the protocol: its kind and index within the kind.</summary>
public readonly record struct PolyRef(PolyKind Kind, int Index)
{
    public override string ToString() => $"{Kind}[{Index}]";
}

/// <summary>A polynomial opened at x·ω^rotation.</summary>
public readonly record struct PolyQuery(PolyRef Poly, int Rotation);
