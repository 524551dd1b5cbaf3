namespace Rollup.Conformance.Tests;

public class TrieSuiteTests
{
    [Fact]
    public void Every_trie_fixture_passes()
    {
        var results = new ConformanceRunner { Parallelism = 1 }.Run(FixturePaths.EthTests("TrieTests"));
        Assert.True(results.Failed == 0, ConformanceReport.Render(results));
        Assert.True(results.Passed > 0, "no trie fixture cases were found");
        Assert.Equal(0, results.Skipped);
    }

    [Fact]
    public void A_wrong_root_is_reported_as_a_failure()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rollup-trie-" + Guid.NewGuid().ToString("N"), "TrieTests");
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "wrong.json"),
                """{ "wrong": { "in": { "do": "verb" }, "root": "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421" } }""");
            var results = new ConformanceRunner { Parallelism = 1 }.Run(dir);
            Assert.Equal(1, results.Failed);
        }
        finally { Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true); }
    }
}
