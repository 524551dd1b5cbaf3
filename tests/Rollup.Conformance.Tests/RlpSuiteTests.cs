namespace Rollup.Conformance.Tests;

public class RlpSuiteTests
{
    [Fact]
    public void Every_RLP_fixture_passes()
    {
        var results = new ConformanceRunner { Parallelism = 1 }.Run(FixturePaths.EthTests("RLPTests"));
        Assert.True(results.Failed == 0, ConformanceReport.Render(results));
        Assert.True(results.Passed > 0, "no RLP fixture cases were found");
        Assert.All(results.Cases, c => Assert.Equal("RLPTests", c.Suite));
    }

    [Fact]
    public void The_registry_routes_RLP_fixtures_to_the_RLP_suite() =>
        Assert.IsType<Suites.RlpSuite>(SuiteRegistry.ForFile("/x/ethtests/RLPTests/RandomRLPTests/example.json"));
}
