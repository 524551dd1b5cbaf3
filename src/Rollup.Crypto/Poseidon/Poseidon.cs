using System.Runtime.CompilerServices;
using Rollup.Crypto.Bn254.Fields;
using Mont = Rollup.Crypto.Bn254.Fields.Montgomery<Rollup.Crypto.Bn254.Fields.FrModulus>;

namespace Rollup.Crypto.Hashing;

/// <summary>
/// Poseidon over BN254's scalar field with circomlib's parameters and conventions, so that hashes
/// equal circomlib's circuits, circomlibjs and iden3's tools: for n inputs (1..16) the state has
/// width t = n + 1, state[0] = 0 is the capacity, the inputs fill state[1..n], and the hash is
/// state[0] after the permutation.
/// <para>
/// The permutation runs the optimized schedule (<see cref="PoseidonSchedule"/>: a partial round's
/// linear layer costs 2t - 1 products instead of t², so a hash takes 600 field products instead of 828
/// at t = 3 and 5,168 instead of 22,576 at t = 17). Products of a matrix row with the state are summed
/// at 512-bit width and reduced once per five products. Nothing allocates after the parameters of a
/// width are first built (the first use of a width generates them, in tens of milliseconds).
/// </para>
/// </summary>
public static class Poseidon
{
    public const int MaxInputs = PoseidonParameters.MaxWidth - 1;

    /// <summary>Poseidon of 1..16 field elements, as circomlib's <c>Poseidon(n)</c> template computes it.</summary>
    public static Fr Hash(ReadOnlySpan<Fr> inputs)
    {
        int n = inputs.Length;
        if (n < 1 || n > MaxInputs)
            throw new ArgumentException($"Poseidon takes 1..{MaxInputs} inputs, got {n}", nameof(inputs));
        int t = n + 1;
        Span<Fr> state = stackalloc Fr[t];
        Span<Fr> scratch = stackalloc Fr[t];
        state[0] = Fr.Zero;
        inputs.CopyTo(state[1..]);
        Run(PoseidonSchedule.For(t), state, scratch, outputOnly: true);
        return state[0];
    }

    /// <summary>Poseidon(a, b): the state tree's inner-node hash.</summary>
    public static Fr Hash2(in Fr a, in Fr b)
    {
        Span<Fr> state = stackalloc Fr[3];
        Span<Fr> scratch = stackalloc Fr[3];
        state[0] = Fr.Zero;
        state[1] = a;
        state[2] = b;
        Run(PoseidonSchedule.For(3), state, scratch, outputOnly: true);
        return state[0];
    }

    /// <summary>The permutation on a whole state of width 2..17 (the capacity cell included), in place.</summary>
    public static void Permute(Span<Fr> state)
    {
        int t = state.Length;
        if (t < PoseidonParameters.MinWidth || t > PoseidonParameters.MaxWidth)
            throw new ArgumentException($"Poseidon state width must be {PoseidonParameters.MinWidth}..{PoseidonParameters.MaxWidth}, got {t}", nameof(state));
        Span<Fr> scratch = stackalloc Fr[t];
        Run(PoseidonSchedule.For(t), state, scratch, outputOnly: false);
    }

    /// <summary>
    /// The permutation in the plain form of the paper and of circomlibjs's reference (add constants,
    /// S-boxes, multiply by M, every round). Slow; the tests hold the optimized schedule to it.
    /// </summary>
    internal static void PermuteReference(Span<Fr> state)
    {
        int t = state.Length;
        PoseidonParameters p = PoseidonParameters.For(t);
        Span<Fr> next = stackalloc Fr[t];
        for (int r = 0; r < p.Rounds; r++)
        {
            for (int i = 0; i < t; i++) state[i] += p.RoundConstant(r, i);
            for (int i = 0; i < t; i++)
                if (i == 0 || p.IsFullRound(r)) state[i] = state[i].Pow(PoseidonParameters.SboxExponent);
            for (int i = 0; i < t; i++)
            {
                Fr acc = Fr.Zero;
                for (int j = 0; j < t; j++) acc += p.Mds(i, j) * state[j];
                next[i] = acc;
            }
            next.CopyTo(state);
        }
    }

    /// <summary>
    /// The optimized schedule. With <paramref name="outputOnly"/> the last mix computes state[0] only,
    /// the one cell a hash returns.
    /// </summary>
    private static void Run(PoseidonSchedule s, Span<Fr> state, Span<Fr> scratch, bool outputOnly)
    {
        int t = s.Width;
        const int half = PoseidonParameters.FullRounds / 2;
        ReadOnlySpan<Fr> full = s.FullConstants;
        ReadOnlySpan<Fr> mds = s.Mds;

        for (int r = 0; r < half; r++)
        {
            AddConstantsAndSbox(state, full.Slice(r * t, t));
            Mix(r == half - 1 ? s.PreSparse : mds, state, scratch, t);
        }

        ReadOnlySpan<Fr> partial = s.PartialConstants;
        ReadOnlySpan<Fr> sparse = s.Sparse;
        int stride = 2 * t - 1;
        for (int i = 0; i < partial.Length; i++)
        {
            ReadOnlySpan<Fr> m = sparse.Slice(i * stride, stride);
            U256 x0 = Pow5(Mont.Add(state[0].Limbs, partial[i].Limbs));
            state[0] = new Fr(x0);
            U256 s0 = Dot(m[..t], state);
            ReadOnlySpan<Fr> column = m[t..];
            for (int k = 1; k < t; k++) state[k] = new Fr(MulAdd(state[k].Limbs, column[k - 1].Limbs, x0));
            state[0] = new Fr(s0);
        }

        for (int r = half; r < PoseidonParameters.FullRounds; r++)
        {
            AddConstantsAndSbox(state, full.Slice(r * t, t));
            if (outputOnly && r == PoseidonParameters.FullRounds - 1) state[0] = new Fr(Dot(mds[..t], state));
            else Mix(mds, state, scratch, t);
        }
    }

    // The kernels below are calls on purpose: each inlines a few Montgomery products (hundreds of
    // instructions each), and inlining them all into Run would exhaust the JIT's inlining budget, after
    // which even span indexers and constructors become calls (see Bn254/README.md).

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static U256 Pow5(in U256 x)
    {
        U256 x2 = Mont.Square(x);
        U256 x4 = Mont.Square(x2);
        return Mont.Mul(x4, x);
    }

    /// <summary>acc + a·b.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static U256 MulAdd(in U256 acc, in U256 a, in U256 b) => Mont.Add(acc, Mont.Mul(a, b));

    private static void AddConstantsAndSbox(Span<Fr> state, ReadOnlySpan<Fr> constants)
    {
        for (int i = 0; i < state.Length; i++) state[i] = new Fr(Pow5(Mont.Add(state[i].Limbs, constants[i].Limbs)));
    }

    /// <summary>state ← matrix·state (row-major t×t).</summary>
    private static void Mix(ReadOnlySpan<Fr> matrix, Span<Fr> state, Span<Fr> scratch, int t)
    {
        for (int i = 0; i < t; i++) scratch[i] = new Fr(Dot(matrix.Slice(i * t, t), state));
        scratch.CopyTo(state);
    }

    /// <summary>
    /// Σ a[j]·b[j] over the length of <paramref name="a"/>. Each product of reduced values is below r², and
    /// Montgomery reduction is exact below r·2^256 ≈ 5.3·r², so five products are summed at full width
    /// and reduced once.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static U256 Dot(ReadOnlySpan<Fr> a, ReadOnlySpan<Fr> b)
    {
        const int perReduction = 5;
        int n = a.Length;
        U256 total = default;
        for (int start = 0; start < n; start += perReduction)
        {
            int end = Math.Min(n, start + perReduction);
            U512 acc = Mont.Product(a[start].Limbs, b[start].Limbs);
            for (int j = start + 1; j < end; j++) acc = Mont.AddWide(acc, Mont.Product(a[j].Limbs, b[j].Limbs));
            total = start == 0 ? Mont.Redc(acc) : Mont.Add(total, Mont.Redc(acc));
        }
        return total;
    }
}
