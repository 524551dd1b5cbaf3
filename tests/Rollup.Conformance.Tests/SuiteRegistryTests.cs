namespace Rollup.Conformance.Tests;

public class SuiteRegistryTests
{
    [Fact]
    public void Finds_the_suite_by_the_innermost_known_folder_on_the_path()
    {
        Assert.Equal("GeneralStateTests", SuiteRegistry.ForFile("/x/ethtests/GeneralStateTests/stExample/add11.json")?.Name);
        Assert.IsType<Suites.BlockchainTestSuite>(SuiteRegistry.ForFile("/x/ethtests/BlockchainTests/ValidBlocks/bcExample/basefeeExample.json"));
        Assert.Null(SuiteRegistry.ForFile("/x/ethtests/README.json"));
    }

    [Fact]
    public void Runner_reports_a_missing_folder_clearly() =>
        Assert.Throws<DirectoryNotFoundException>(() => new ConformanceRunner().Run("/no/such/folder/anywhere"));
}
