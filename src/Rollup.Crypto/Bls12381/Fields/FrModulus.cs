using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Bls12381.Fields;

/// <summary>
/// The BLS12-381 group order r = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001
/// (255 bits) as a 4-limb modulus, so the scalar field reuses the generic 4-limb Montgomery core
/// written for BN254. That core needs two things the BN254 moduli and r both satisfy: a top limb
/// below 2^63 - 1 (its CIOS "no-carry" shortcut) and 2·M &lt; 2^256 (carry-free additions).
/// </summary>
internal readonly struct FrModulus : IModulus
{
    public static ulong M0 => 0xffffffff00000001;
    public static ulong M1 => 0x53bda402fffe5bfe;
    public static ulong M2 => 0x3339d80809a1d805;
    public static ulong M3 => 0x73eda753299d7d48;
    public static ulong NegInv => 0xfffffffeffffffff;
    public static ulong R0 => 0x00000001fffffffe;
    public static ulong R1 => 0x5884b7fa00034802;
    public static ulong R2 => 0x998c4fefecbc4ff5;
    public static ulong R3 => 0x1824b159acc5056f;
    public static ulong RR0 => 0xc999e990f3f29c6d;
    public static ulong RR1 => 0x2b6cedcb87925c23;
    public static ulong RR2 => 0x05d314967254398f;
    public static ulong RR3 => 0x0748d9d99f59ff11;
}
