using System.Text.Json;
using Rollup.Core.Chain;
using Rollup.Core.Encoding;
using Rollup.Core.Transactions;
using Rollup.Core.Types;

namespace Rollup.Conformance.Suites;

/// <summary>ethereum/tests TransactionTests: each fixture is one encoded transaction with, per fork, either the
/// expected hash, sender and intrinsic gas, or the exception it must be rejected with. The fixtures' chain id is 1.</summary>
public sealed class TransactionSuite : IFixtureSuite
{
    private const ulong FixtureChainId = 1;

    public string Name => "TransactionTests";

    public IEnumerable<CaseResult> RunFile(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var results = new List<CaseResult>();
        foreach (var test in doc.RootElement.EnumerateObject())
        {
            byte[] raw = Hex.Parse(test.Value.GetProperty("txbytes").GetString()!);
            foreach (var forkResult in test.Value.GetProperty("result").EnumerateObject())
            {
                string caseName = $"{test.Name} [{forkResult.Name}]";
                if (!ForkNames.TryParse(forkResult.Name, out var fork))
                {
                    results.Add(CaseResult.Skip(Name, path, caseName, $"fork {forkResult.Name} is not implemented"));
                    continue;
                }
                results.Add(RunCase(path, caseName, raw, ForkRules.For(fork), forkResult.Value));
            }
        }
        return results;
    }

    private CaseResult RunCase(string path, string caseName, byte[] raw, ForkRules rules, JsonElement expected)
    {
        Transaction tx;
        Address sender;
        ulong intrinsic;
        try
        {
            tx = TransactionDecoder.Decode(raw, rules);
            sender = TransactionValidator.Validate(tx, rules, FixtureChainId);
            intrinsic = IntrinsicGas.Calculate(tx, rules);
        }
        catch (TxException e)
        {
            if (!expected.TryGetProperty("exception", out var exception))
                return CaseResult.Fail(Name, path, caseName, $"valid transaction rejected: {e.Error}: {e.Message}");
            return FixtureExceptions.Matches(exception.GetString()!, e)
                ? CaseResult.Pass(Name, path, caseName)
                : CaseResult.Fail(Name, path, caseName, $"expected {exception.GetString()}, rejected for {e.Error}/{e.Field}: {e.Message}");
        }

        if (expected.TryGetProperty("exception", out var missed))
            return CaseResult.Fail(Name, path, caseName, $"expected {missed.GetString()}, but the transaction was accepted");

        var problems = new List<string>();
        var hash = Hash256.Parse(expected.GetProperty("hash").GetString()!);
        if (tx.Hash != hash) problems.Add($"hash {tx.Hash} != {hash}");
        var expectedSender = Address.Parse(expected.GetProperty("sender").GetString()!);
        if (sender != expectedSender) problems.Add($"sender {sender} != {expectedSender}");
        ulong expectedGas = Convert.ToUInt64(expected.GetProperty("intrinsicGas").GetString()!, 16);
        if (intrinsic != expectedGas) problems.Add($"intrinsic gas {intrinsic} != {expectedGas}");
        if (!TransactionEncoder.Encode(tx).AsSpan().SequenceEqual(raw)) problems.Add("re-encoding differs from the fixture bytes");
        return problems.Count == 0 ? CaseResult.Pass(Name, path, caseName) : CaseResult.Fail(Name, path, caseName, string.Join("; ", problems));
    }
}
