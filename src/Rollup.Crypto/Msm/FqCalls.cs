using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Fields;
using F = Rollup.Crypto.Bn254.Fields.Montgomery<Rollup.Crypto.Bn254.Fields.FqModulus>;

namespace Rollup.Crypto.Msm;

/// <summary>
/// F_q products as calls. A Montgomery product inlined several times into one loop body makes the
/// JIT spill most temporaries to the stack; as a call, each product runs in its own well-allocated
/// registers, which measured faster in the batch-affine loop. AggressiveOptimization skips the
/// instrumented tier, which would otherwise run the first few thousand products. Being out of line is
/// also what lets the product use the carry-select spelling (<see cref="Montgomery{P}.MulCarrySelect"/>):
/// the JIT keeps its selects as cmovs in a standalone method.
/// </summary>
internal static class FqCalls
{
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static U256 Mul(in U256 a, in U256 b) => F.MulCarrySelect(a, b);

    /// <summary>a², as a product: the carry-select product measured faster than the dedicated squaring (SOS with 10
    /// word products, then REDC), which took 1.3 products' time in MSM profiles.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static U256 Square(in U256 a) => F.MulCarrySelect(a, a);
}
