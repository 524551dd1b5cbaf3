using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Hashing;

namespace Rollup.Crypto.Tests.Hashing;

/// <summary>The optimized schedule (moved constants, sparse partial rounds, lazy reduction) against the plain form.</summary>
public class PoseidonScheduleTests
{
    public static TheoryData<int> Widths()
    {
        var d = new TheoryData<int>();
        for (int t = PoseidonParameters.MinWidth; t <= PoseidonParameters.MaxWidth; t++) d.Add(t);
        return d;
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Permute_EqualsPlainForm(int t)
    {
        var rng = new Random(1000 + t);
        for (int i = 0; i < 12; i++)
        {
            Fr[] state = Enumerable.Range(0, t).Select(_ => Fr.Random(rng)).ToArray();
            if (i == 0) Array.Fill(state, Fr.Zero);
            if (i == 1) Array.Fill(state, -Fr.One); // r - 1 everywhere: the largest values
            Fr[] expected = (Fr[])state.Clone();
            Poseidon.PermuteReference(expected);
            Fr[] actual = (Fr[])state.Clone();
            Poseidon.Permute(actual);
            Assert.Equal(expected, actual);

            Fr[] inputs = state[1..];
            Fr[] withCapacity = [Fr.Zero, .. inputs];
            Poseidon.PermuteReference(withCapacity);
            Assert.Equal(withCapacity[0], Poseidon.Hash(inputs));
        }
    }

    [Fact]
    public void PartialRoundCounts_AreCircomlibs()
    {
        int[] expected = [56, 57, 56, 60, 60, 63, 64, 63, 60, 66, 60, 65, 70, 60, 64, 68];
        for (int t = 2; t <= 17; t++)
        {
            Assert.Equal(expected[t - 2], PoseidonParameters.PartialRoundsFor(t));
            PoseidonParameters p = PoseidonParameters.For(t);
            Assert.Equal(8 + expected[t - 2], p.Rounds);
            Assert.Equal(p.Rounds * t, p.RoundConstants.Length);
            Assert.Equal(t * t, p.MdsMatrix.Length);
        }
    }

    [Fact]
    public void WrongSizes_Throw()
    {
        Assert.Throws<ArgumentException>(() => Poseidon.Hash([]));
        Assert.Throws<ArgumentException>(() => Poseidon.Hash(new Fr[17]));
        Assert.Throws<ArgumentException>(() => Poseidon.Permute(new Fr[1]));
        Assert.Throws<ArgumentException>(() => Poseidon.Permute(new Fr[18]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PoseidonParameters.For(18));
    }

    [Fact]
    public void Hashing_DoesNotAllocate()
    {
        Fr[] inputs = Enumerable.Range(1, 16).Select(i => Fr.FromUInt64((ulong)i)).ToArray();
        Fr sink = default;
        for (int n = 1; n <= 16; n++) sink += Poseidon.Hash(inputs.AsSpan(0, n)); // builds every width's constants
        sink += Poseidon.Hash2(inputs[0], inputs[1]);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int n = 1; n <= 16; n++) sink += Poseidon.Hash(inputs.AsSpan(0, n));
        sink += Poseidon.Hash2(inputs[0], inputs[1]);
        Poseidon.Permute(inputs.AsSpan(0, 5));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        GC.KeepAlive(sink);
    }
}
