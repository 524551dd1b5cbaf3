namespace Rollup.Crypto.Bn254.Curves;

/// <summary>
/// The field operations the short-Weierstrass formulas need, so that G1 (over F_q) and G2 (over
/// F_q2) share one implementation. Implemented by <see cref="Fields.Fq"/> and <see cref="Towers.Fq2"/>
/// with their existing static methods; the JIT specialises the generic code per struct, so there
/// is no dispatch cost.
/// </summary>
internal interface ICurveField<F> where F : unmanaged, ICurveField<F>
{
    static abstract F Zero { get; }
    static abstract F One { get; }
    bool IsZero { get; }
    F Inverse();
    static abstract void Add(in F a, in F b, out F r);
    static abstract void Subtract(in F a, in F b, out F r);
    static abstract void Multiply(in F a, in F b, out F r);
    static abstract void Square(in F a, out F r);
    static abstract void Double(in F a, out F r);
    static abstract void Negate(in F a, out F r);
    static abstract void BatchInverse(Span<F> values);
}
