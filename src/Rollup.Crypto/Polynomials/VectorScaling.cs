using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Rollup.Crypto.Bn254.Fields;
using M = Rollup.Crypto.Bn254.Fields.Montgomery<Rollup.Crypto.Bn254.Fields.FrModulus>;
using V = Rollup.Crypto.Bn254.Fields.Fr8Math;

namespace Rollup.Crypto.Polynomials;

/// <summary>
/// The elementwise products of <see cref="Polynomial"/> (scale, scale by powers, pointwise product)
/// eight at a time on AVX-512: the inverse NTT's 1/n and the coset shifts are a full pass of
/// products each, as much as two butterfly levels, so left scalar they would cost a third of a
/// vectorized inverse or coset transform. Each works on p[from..to) and finishes a tail of fewer
/// than eight scalar; results are identical to the scalar loops'.
/// </summary>
internal static unsafe class VectorScaling
{
    /// <summary>Whether <see cref="Polynomial"/> takes these loops (the NTT's switch, for one test toggle).</summary>
    public static bool Enabled => NttKernels.Vectorized;

    /// <summary>p[i] *= k.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Scale(U256* p, int from, int to, in U256 k)
    {
        V.BroadcastTimes32(k, out Fr8 z);
        int i = from;
        for (; i + 8 <= to; i += 8)
        {
            V.Load(p + i, out Fr8 x);
            V.Mul(x, z, out Fr8 y);
            V.Store(p + i, y);
        }
        for (; i < to; i++) p[i] = M.Mul(p[i], k);
    }

    /// <summary>p[i] *= q[i].</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyPointwise(U256* p, U256* q, int from, int to)
    {
        int i = from;
        for (; i + 8 <= to; i += 8)
        {
            V.Load(p + i, out Fr8 x);
            V.LoadTimes32(q + i, out Fr8 z);
            V.Mul(x, z, out Fr8 y);
            V.Store(p + i, y);
        }
        for (; i < to; i++) p[i] = M.Mul(p[i], q[i]);
    }

    /// <summary>
    /// p[i] *= first·x^(i − from). Two vectors of eight consecutive powers advance by x^16 each step:
    /// two independent chains, so one chain's product latency hides behind the other's work.
    /// The powers are kept times 32 (mod r), which makes them the product's scaled operand (see
    /// <see cref="Fr8Math"/>) for the data, while the step x^16 is scaled on its own for the chain.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void ScaleByPowers(U256* p, int from, int to, in U256 first, in U256 x)
    {
        U256 power = first;
        int i = from;
        if (to - from >= 16)
        {
            U256* start = stackalloc U256[16];
            for (int j = 0; j < 16; j++)
            {
                start[j] = M.Mul(power, ThirtyTwo);
                power = M.Mul(power, x);
            }
            V.Load(start, out Fr8 lo);
            V.Load(start + 8, out Fr8 hi);
            U256 x16 = x;
            for (int s = 0; s < 4; s++) x16 = M.Mul(x16, x16);
            V.BroadcastTimes32(x16, out Fr8 step);
            for (; i + 16 <= to; i += 16)
            {
                V.Load(p + i, out Fr8 a);
                V.Mul(a, lo, out Fr8 a2);
                V.Store(p + i, a2);
                V.Load(p + i + 8, out Fr8 b);
                V.Mul(b, hi, out Fr8 b2);
                V.Store(p + i + 8, b2);
                V.Mul(lo, step, out lo);
                V.Mul(hi, step, out hi);
            }
            V.Store(start, lo);
            power = M.Mul(start[0], OneThirtySecond);
        }
        for (; i < to; i++)
        {
            p[i] = M.Mul(p[i], power);
            power = M.Mul(power, x);
        }
    }

    private static readonly U256 ThirtyTwo = Fr.FromUInt64(32).Limbs;
    private static readonly U256 OneThirtySecond = Fr.FromUInt64(32).Inverse().Limbs;
}
