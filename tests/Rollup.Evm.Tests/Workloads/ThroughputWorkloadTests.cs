using System.Numerics;
using Org.BouncyCastle.Crypto.Digests;
using Rollup.Core.Encoding;
using Rollup.Evm.Execution;

namespace Rollup.Evm.Tests.Workloads;

/// <summary>The shared EVM throughput workloads (../shared/bench/evm): each must return its documented result and use
/// exactly its documented gas. Results for a and b are recomputed here with BigInteger and BouncyCastle.</summary>
public class ThroughputWorkloadTests
{
    private const long GasLimit = 1_000_000_000;

    public static string WorkloadPath(string file) =>
        Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/bench/evm", file);

    private static (CallResult, long used) Run(string file)
    {
        var code = Hex.Parse(File.ReadAllText(WorkloadPath(file)).Trim());
        var (result, _) = new CodeRunner().Run(code, [], GasLimit);
        return (result, GasLimit - result.GasLeft);
    }

    [Fact]
    public void A_arith_loop()
    {
        var (result, used) = Run("a_arith_loop.hex");
        Assert.True(result.Success, result.Reason.ToString());
        Assert.Equal(46_000_023, used);
        var acc = BigInteger.Zero;
        var mod = BigInteger.One << 256;
        for (int i = 0; i < 1_000_000; i++) acc = (acc * 3 + 7) % mod;
        Assert.Equal(acc, new BigInteger(result.Output, isUnsigned: true, isBigEndian: true));
    }

    [Fact]
    public void B_keccak_loop()
    {
        var (result, used) = Run("b_keccak_loop.hex");
        Assert.True(result.Success, result.Reason.ToString());
        Assert.Equal(7_400_014, used);
        var h = new byte[32];
        var digest = new KeccakDigest(256);
        for (int i = 0; i < 100_000; i++) { digest.BlockUpdate(h, 0, 32); digest.DoFinal(h, 0); }
        Assert.Equal(h, result.Output);
    }

    [Fact]
    public void C_sstore_sload_loop()
    {
        var (result, used) = Run("c_sstore_sload_loop.hex");
        Assert.True(result.Success, result.Reason.ToString());
        Assert.Equal(222_460_023, used);
        Assert.Equal(new BigInteger(50_005_000), new BigInteger(result.Output, isUnsigned: true, isBigEndian: true));
    }

    [Fact]
    public void D_memory_loop()
    {
        var (result, used) = Run("d_memory_loop.hex");
        Assert.True(result.Success, result.Reason.ToString());
        Assert.Equal(64_005_140, used);
        Assert.Equal(new BigInteger(500_000_500_000), new BigInteger(result.Output, isUnsigned: true, isBigEndian: true));
    }
}
