using System.Runtime.CompilerServices;
using static Rollup.Crypto.Bn254.Fields.Word;

namespace Rollup.Crypto.Bn254.Fields;

internal static partial class Montgomery<P> where P : struct, IModulus
{
    /// <summary>
    /// The same CIOS product as <see cref="Mul"/>, same result, with the carry word of each reduction
    /// step's multiply-accumulate selected (c > ~l ? h + 1 : h) instead of added from a compare: the JIT
    /// makes that a cmp + cmov, one uop less per carry on the port-bound critical path ("variant D" in
    /// bench/Rollup.Bench/MulVariants.cs, 35.7 against 38.4 ns per product). Only for callers that keep it
    /// out of line (<c>Msm.FqCalls</c>): inlined into a loop body the JIT turns the select into a branch,
    /// which mispredicts on random data (113 ns measured).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 MulCarrySelect(in U256 a, in U256 b)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, t0, t1, t2, t3, c, hi, m, bi;
        bi = b.L0;
        c = Math.BigMul(a0, bi, out t0);
        c = MulAdd(a1, bi, c, out t1); c = MulAdd(a2, bi, c, out t2); hi = MulAdd(a3, bi, c, out t3);
        m = t0 * P.NegInv; c = MulHigh(m, P.M0) + (t0 != 0 ? 1UL : 0UL);   // low word of m·M0 + t0 is 0
        c = MulAddSelect(m, P.M1, t1, c, out t0); c = MulAddSelect(m, P.M2, t2, c, out t1); c = MulAddSelect(m, P.M3, t3, c, out t2); t3 = c + hi;

        bi = b.L1;
        c = MulAdd(a0, bi, t0, out t0); c = MulAddSelect(a1, bi, t1, c, out t1); c = MulAddSelect(a2, bi, t2, c, out t2); hi = MulAddSelect(a3, bi, t3, c, out t3);
        m = t0 * P.NegInv; c = MulHigh(m, P.M0) + (t0 != 0 ? 1UL : 0UL);
        c = MulAddSelect(m, P.M1, t1, c, out t0); c = MulAddSelect(m, P.M2, t2, c, out t1); c = MulAddSelect(m, P.M3, t3, c, out t2); t3 = c + hi;

        bi = b.L2;
        c = MulAdd(a0, bi, t0, out t0); c = MulAddSelect(a1, bi, t1, c, out t1); c = MulAddSelect(a2, bi, t2, c, out t2); hi = MulAddSelect(a3, bi, t3, c, out t3);
        m = t0 * P.NegInv; c = MulHigh(m, P.M0) + (t0 != 0 ? 1UL : 0UL);
        c = MulAddSelect(m, P.M1, t1, c, out t0); c = MulAddSelect(m, P.M2, t2, c, out t1); c = MulAddSelect(m, P.M3, t3, c, out t2); t3 = c + hi;

        bi = b.L3;
        c = MulAdd(a0, bi, t0, out t0); c = MulAddSelect(a1, bi, t1, c, out t1); c = MulAddSelect(a2, bi, t2, c, out t2); hi = MulAddSelect(a3, bi, t3, c, out t3);
        m = t0 * P.NegInv; c = MulHigh(m, P.M0) + (t0 != 0 ? 1UL : 0UL);
        c = MulAddSelect(m, P.M1, t1, c, out t0); c = MulAddSelect(m, P.M2, t2, c, out t1); c = MulAddSelect(m, P.M3, t3, c, out t2); t3 = c + hi;

        return SubtractModulusIfNeeded(t0, t1, t2, t3);
    }

    /// <summary>hi:lo = a·b + t + c, the final carry chosen by a select: l + c wraps exactly when c > ~l.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulAddSelect(ulong a, ulong b, ulong t, ulong c, out ulong lo)
    {
        ulong h = Math.BigMul(a, b, out ulong l);
        l += t;
        h += l < t ? 1UL : 0UL;
        lo = l + c;
        return c > ~l ? h + 1 : h;
    }
}
