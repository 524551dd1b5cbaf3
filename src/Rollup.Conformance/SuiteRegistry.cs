using Rollup.Conformance.Suites;

namespace Rollup.Conformance;

/// <summary>Which fixture kinds exist and which suite judges each. A kind is recognised by the folder name
/// ethereum/tests gives it (RLPTests, TransactionTests, ...), anywhere on the fixture file's path.</summary>
public static class SuiteRegistry
{
    public static IReadOnlyList<IFixtureSuite> All { get; } =
    [
        new StateTestSuite(),
        new BlockchainTestSuite(),
        new RlpSuite(),
        new TransactionSuite(),
        new TrieSuite(),
    ];

    /// <summary>The suite for a fixture file, from the innermost folder on its path that names a kind.</summary>
    public static IFixtureSuite? ForFile(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        while (dir is not null)
        {
            string folder = Path.GetFileName(dir);
            foreach (var suite in All)
                if (string.Equals(suite.Name, folder, StringComparison.Ordinal)) return suite;
            dir = Path.GetDirectoryName(dir);
        }
        return null;
    }
}
