using System.Text.Json;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.State;

namespace Rollup.Conformance.Suites;

/// <summary>Reads the fixtures' account maps ("pre", "postState": address → balance, nonce, code, storage) into a state.</summary>
public static class FixtureAccounts
{
    public static InMemoryStateSource Parse(JsonElement accounts)
    {
        var state = new InMemoryStateSource();
        foreach (var account in accounts.EnumerateObject())
        {
            var a = account.Value;
            var storage = new Dictionary<UInt256, UInt256>();
            foreach (var slot in a.GetProperty("storage").EnumerateObject())
                storage[UInt256.Parse(slot.Name)] = UInt256.Parse(slot.Value.GetString()!);
            state.SetAccount(Address.Parse(account.Name), StateTestFixture.ParseU64(a.GetProperty("nonce").GetString()!),
                UInt256.Parse(a.GetProperty("balance").GetString()!), Hex.Parse(a.GetProperty("code").GetString()!), storage);
        }
        return state;
    }

    /// <summary>Where two states differ, account by account (for failure reports; at most <paramref name="max"/> lines).</summary>
    public static List<string> Differences(InMemoryStateSource expected, InMemoryStateSource actual, int max = 5)
    {
        var lines = new List<string>();
        var addresses = expected.Accounts.Select(a => a.Key).Union(actual.Accounts.Select(a => a.Key)).OrderBy(a => a.ToString(), StringComparer.Ordinal);
        foreach (var address in addresses)
        {
            if (lines.Count >= max) break;
            bool inExpected = expected.TryGetAccount(address, out var e), inActual = actual.TryGetAccount(address, out var a);
            if (!inActual) { lines.Add($"{address} missing"); continue; }
            if (!inExpected) { lines.Add($"{address} should not exist ({a})"); continue; }
            if (e != a) lines.Add($"{address}: {a} != expected {e}");
            var es = expected.StorageOf(address);
            var acs = actual.StorageOf(address);
            foreach (var key in es.Keys.Union(acs.Keys))
            {
                es.TryGetValue(key, out var ev);
                acs.TryGetValue(key, out var av);
                if (ev != av && lines.Count < max) lines.Add($"{address}[{key}] = {av}, expected {ev}");
            }
        }
        return lines;
    }
}
