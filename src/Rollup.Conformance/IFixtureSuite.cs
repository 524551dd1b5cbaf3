namespace Rollup.Conformance;

/// <summary>One kind of Ethereum JSON fixture (RLP tests, transaction tests, ...) and how to judge its cases.</summary>
public interface IFixtureSuite
{
    /// <summary>The folder name the ethereum/tests repository gives this kind, e.g. "TrieTests".</summary>
    string Name { get; }

    /// <summary>Runs every case in one fixture file. Never throws for a bad case: it reports it as failed.</summary>
    IEnumerable<CaseResult> RunFile(string path);
}
