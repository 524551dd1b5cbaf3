namespace Rollup.Crypto.Bn254.Fields;

public readonly partial struct Fr
{
    /// <summary>r - 1 is divisible by 2^28 and no higher power of two: NTT sizes go up to 2^28.</summary>
    public const int TwoAdicity = 28;

    /// <summary>5 generates F_r^* (it is a quadratic non-residue; the tests check that).</summary>
    public static Fr MultiplicativeGenerator => FromUInt64(5);

    // RootsOfUnity[k] is a primitive 2^k-th root of unity: 5^((r-1)/2^28) squared 28-k times.
    private static readonly Fr[] RootsOfUnity = BuildRootsOfUnity();

    private static Fr[] BuildRootsOfUnity()
    {
        var roots = new Fr[TwoAdicity + 1];
        roots[TwoAdicity] = FromUInt64(5).Pow((Modulus - 1) >> TwoAdicity);
        for (int k = TwoAdicity - 1; k >= 0; k--) roots[k] = roots[k + 1].Square();
        return roots;
    }

    /// <summary>A primitive 2^log2Size-th root of unity, for NTTs of that size.</summary>
    public static Fr RootOfUnity(int log2Size)
    {
        if ((uint)log2Size > TwoAdicity) throw new ArgumentOutOfRangeException(nameof(log2Size), "BN254 Fr supports sizes up to 2^28");
        return RootsOfUnity[log2Size];
    }
}
