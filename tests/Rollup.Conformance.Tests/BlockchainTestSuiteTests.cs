namespace Rollup.Conformance.Tests;

/// <summary>Runs every BlockchainTests case (ValidBlocks and InvalidBlocks). Failures must be exactly the ones in
/// known-blockchain-test-failures.txt, and no case may be skipped: every fixture here is a fork the EVM implements.</summary>
public class BlockchainTestSuiteTests
{
    [Fact]
    public void BlockchainTests_fail_only_where_listed()
    {
        var root = FixturePaths.EthTests("BlockchainTests");
        var results = new ConformanceRunner().Run(root);
        KnownFailures.AssertOnlyListed(root, results, "known-blockchain-test-failures.txt");
        Assert.Equal(0, results.Skipped);
        Assert.True(results.Passed >= 573, $"only {results.Passed} cases passed");
    }
}
