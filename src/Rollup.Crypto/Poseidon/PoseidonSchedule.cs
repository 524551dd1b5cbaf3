using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Hashing;

/// <summary>
/// The same permutation as <see cref="PoseidonParameters"/> describes, rewritten so that a partial
/// round costs 2t - 1 products instead of t² (the rewriting of the Poseidon paper's appendix B, which
/// circomlib's <c>poseidon_opt</c> also uses). Derived here from the plain parameters by the two
/// steps below; the tests check it against the plain form for every width on random states.
/// <para>
/// <b>1. Constants.</b> A partial round is s ← M·S₀(s + c) where S₀ applies x⁵ to cell 0 only.
/// Split c = c₀e₀ + d with d₀ = 0: S₀ leaves cells 1.. alone, so S₀(s + c) = S₀(s + c₀e₀) + d and
/// the round equals M·S₀(s + c₀e₀) + M·d. Adding M·d to the next round's constants leaves the
/// round one scalar constant. Done from the first partial round to the last, the remainders pile
/// up in the constants of the first full round after them.
/// </para>
/// <para>
/// <b>2. Matrices.</b> Write a t×t matrix as A = [[a₀₀, wᵀ], [v, Â]]. When Â is invertible,
/// A = A″·D with D = diag(1, Â) and the sparse A″ = [[a₀₀, wᵀÂ⁻¹], [v, I]]. D leaves cell 0 alone
/// and does not mix it into the others, so it commutes with S₀ and with adding a constant to cell 0
/// only: D can move backwards into the previous round's matrix, which becomes D·M. Starting from the
/// last partial round (whose matrix stays M, since the full rounds after it are untouched), every
/// partial round is left with a sparse A″, and the last full round before them with P = D·M.
/// With D = diag(1, B) the matrix to factor next is D·M = [[m₀₀, wᵀ], [B·v, B·M̂]], so only B and
/// B⁻¹ need tracking (B⁻¹ = M̂⁻¹·B⁻¹ of the round after), and M̂ (the lower-right block of a
/// Cauchy matrix, itself a Cauchy matrix) is inverted once.
/// </para>
/// The schedule is then: 4 full rounds (add constants, x⁵ on every cell, mix by M; the fourth mixes
/// by P), R_P partial rounds (add a scalar to cell 0, x⁵ on cell 0, sparse mix), 4 full rounds.
/// </summary>
internal sealed class PoseidonSchedule
{
    private static readonly PoseidonSchedule?[] Cache = new PoseidonSchedule?[PoseidonParameters.MaxWidth + 1];

    public int Width { get; }
    public int PartialRounds { get; }

    /// <summary>Constants of the 8 full rounds, t each (the fifth includes the partial rounds' remainders).</summary>
    public readonly Fr[] FullConstants;

    /// <summary>The MDS matrix M, row-major.</summary>
    public readonly Fr[] Mds;

    /// <summary>P = D·M, the matrix of the fourth full round, row-major.</summary>
    public readonly Fr[] PreSparse;

    /// <summary>One scalar per partial round, added to cell 0 before its S-box.</summary>
    public readonly Fr[] PartialConstants;

    /// <summary>
    /// Per partial round, 2t - 1 values: the first row of A″ (t values: s₀′ = Σ row[j]·s[j]) and then
    /// its first column below the diagonal (t - 1 values: sₖ′ = sₖ + col[k-1]·s₀).
    /// </summary>
    public readonly Fr[] Sparse;

    public static PoseidonSchedule For(int width)
    {
        PoseidonSchedule? s = Volatile.Read(ref Cache[width]);
        if (s is not null) return s;
        s = new PoseidonSchedule(PoseidonParameters.For(width));
        return Interlocked.CompareExchange(ref Cache[width], s, null) ?? s;
    }

    private PoseidonSchedule(PoseidonParameters p)
    {
        int t = p.Width, rp = p.PartialRounds, half = PoseidonParameters.FullRounds / 2;
        Width = t;
        PartialRounds = rp;
        Mds = p.MdsMatrix.ToArray();

        // Step 1: constants.
        var c = new Fr[p.Rounds][];
        for (int r = 0; r < p.Rounds; r++) c[r] = p.RoundConstants.Slice(r * t, t).ToArray();
        PartialConstants = new Fr[rp];
        for (int i = 0; i < rp; i++)
        {
            int r = half + i;
            PartialConstants[i] = c[r][0];
            var d = (Fr[])c[r].Clone();
            d[0] = Fr.Zero;
            Fr[] md = MulVec(Mds, d, t);
            for (int k = 0; k < t; k++) c[r + 1][k] += md[k];
        }
        FullConstants = new Fr[PoseidonParameters.FullRounds * t];
        for (int r = 0; r < half; r++) c[r].CopyTo(FullConstants, r * t);
        for (int r = 0; r < half; r++) c[half + rp + r].CopyTo(FullConstants, (half + r) * t);

        // Step 2: matrices. M = [[m00, w], [v, mHat]].
        int n = t - 1;
        Fr m00 = Mds[0];
        var w = new Fr[n];
        var v = new Fr[n];
        var mHat = new Fr[n * n];
        for (int i = 0; i < n; i++)
        {
            w[i] = Mds[i + 1];
            v[i] = Mds[(i + 1) * t];
            for (int j = 0; j < n; j++) mHat[i * n + j] = Mds[(i + 1) * t + j + 1];
        }
        Fr[] mHatInv = Invert(mHat, n);
        Fr[] b = Identity(n), bInv = Identity(n);
        Sparse = new Fr[rp * (2 * t - 1)];
        for (int i = rp - 1; i >= 0; i--)
        {
            // This round's matrix is D·M with D = diag(1, b): Â = b·mHat, first column below = b·v.
            Fr[] aHatInv = MulMat(mHatInv, bInv, n);
            Fr[] rowTail = VecMul(w, aHatInv, n);
            Fr[] column = MulVec(b, v, n);
            int o = i * (2 * t - 1);
            Sparse[o] = m00;
            rowTail.CopyTo(Sparse, o + 1);
            column.CopyTo(Sparse, o + t);
            b = MulMat(b, mHat, n);
            bInv = aHatInv;
        }
        // P = diag(1, b)·M.
        PreSparse = new Fr[t * t];
        for (int j = 0; j < t; j++) PreSparse[j] = Mds[j];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < t; j++)
            {
                Fr acc = Fr.Zero;
                for (int k = 0; k < n; k++) acc += b[i * n + k] * Mds[(k + 1) * t + j];
                PreSparse[(i + 1) * t + j] = acc;
            }
    }

    // Small dense linear algebra over F_r (row-major square matrices), used once per width.

    private static Fr[] Identity(int n)
    {
        var m = new Fr[n * n];
        for (int i = 0; i < n; i++) m[i * n + i] = Fr.One;
        return m;
    }

    private static Fr[] MulMat(Fr[] a, Fr[] b, int n)
    {
        var r = new Fr[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                Fr acc = Fr.Zero;
                for (int k = 0; k < n; k++) acc += a[i * n + k] * b[k * n + j];
                r[i * n + j] = acc;
            }
        return r;
    }

    /// <summary>Matrix times column vector.</summary>
    private static Fr[] MulVec(Fr[] a, Fr[] x, int n)
    {
        var r = new Fr[n];
        for (int i = 0; i < n; i++)
        {
            Fr acc = Fr.Zero;
            for (int k = 0; k < n; k++) acc += a[i * n + k] * x[k];
            r[i] = acc;
        }
        return r;
    }

    /// <summary>Row vector times matrix.</summary>
    private static Fr[] VecMul(Fr[] x, Fr[] a, int n)
    {
        var r = new Fr[n];
        for (int j = 0; j < n; j++)
        {
            Fr acc = Fr.Zero;
            for (int k = 0; k < n; k++) acc += x[k] * a[k * n + j];
            r[j] = acc;
        }
        return r;
    }

    /// <summary>Gauss–Jordan inverse; throws if singular (never for a Cauchy matrix).</summary>
    private static Fr[] Invert(Fr[] m, int n)
    {
        var a = (Fr[])m.Clone();
        Fr[] inv = Identity(n);
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            while (pivot < n && a[pivot * n + col].IsZero) pivot++;
            if (pivot == n) throw new InvalidOperationException("singular matrix");
            if (pivot != col)
                for (int j = 0; j < n; j++)
                {
                    (a[col * n + j], a[pivot * n + j]) = (a[pivot * n + j], a[col * n + j]);
                    (inv[col * n + j], inv[pivot * n + j]) = (inv[pivot * n + j], inv[col * n + j]);
                }
            Fr s = a[col * n + col].Inverse();
            for (int j = 0; j < n; j++) { a[col * n + j] *= s; inv[col * n + j] *= s; }
            for (int i = 0; i < n; i++)
            {
                if (i == col || a[i * n + col].IsZero) continue;
                Fr f = a[i * n + col];
                for (int j = 0; j < n; j++)
                {
                    a[i * n + j] -= f * a[col * n + j];
                    inv[i * n + j] -= f * inv[col * n + j];
                }
            }
        }
        return inv;
    }
}
