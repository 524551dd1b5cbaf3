using System.Text.Json;
using Rollup.Core.Encoding;
using Rollup.Core.Trie;
using Rollup.Core.Types;

namespace Rollup.Conformance.Suites;

/// <summary>ethereum/tests TrieTests: build a trie from <c>in</c> and compare its root with <c>root</c>.</summary>
/// <remarks>
/// <c>in</c> is either a list of [key, value] pairs applied in order, where a null value deletes the key, or
/// an object of key: value (the trieanyorder files, whose root must not depend on the order; it is checked
/// in the given and in the reverse order). Strings starting with 0x are hex, any other string is its UTF-8
/// bytes. Files whose name says "secure" use the secure trie (keys hashed with Keccak-256).
/// trietestnextprev.json lists keys and, for probe keys, the previous and next stored key ("" for none);
/// it is checked against the trie's ordered enumeration.
/// </remarks>
public sealed class TrieSuite : IFixtureSuite
{
    public string Name => "TrieTests";

    public IEnumerable<CaseResult> RunFile(string path)
    {
        bool secure = Path.GetFileName(path).Contains("secure", StringComparison.OrdinalIgnoreCase);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var results = new List<CaseResult>();
        foreach (var test in doc.RootElement.EnumerateObject())
        {
            string? failure;
            try
            {
                failure = test.Value.TryGetProperty("tests", out var probes)
                    ? RunNextPrev(test.Value.GetProperty("in"), probes)
                    : RunRoot(test.Value, secure);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
            {
                failure = $"{e.GetType().Name}: {e.Message}";
            }
            results.Add(failure is null ? CaseResult.Pass(Name, path, test.Name) : CaseResult.Fail(Name, path, test.Name, failure));
        }
        return results;
    }

    private static string? RunRoot(JsonElement test, bool secure)
    {
        var expected = Hash256.Parse(test.GetProperty("root").GetString()!);
        var input = test.GetProperty("in");
        List<(byte[] Key, byte[]? Value)> updates = input.ValueKind switch
        {
            JsonValueKind.Array => [.. input.EnumerateArray().Select(pair => (Bytes(pair[0])!, Bytes(pair[1])))],
            JsonValueKind.Object => [.. input.EnumerateObject().Select(p => (Bytes(p.Name), Bytes(p.Value)))],
            _ => throw new FormatException($"'in' is a JSON {input.ValueKind}"),
        };

        if (Check(updates, secure, expected) is { } failure) return failure;
        if (input.ValueKind == JsonValueKind.Object && Check([.. Enumerable.Reverse(updates)], secure, expected) is { } reversed)
            return "in reverse order: " + reversed;
        return null;
    }

    /// <summary>Applies the updates, then compares the root and reads every surviving key back.</summary>
    private static string? Check(List<(byte[] Key, byte[]? Value)> updates, bool secure, Hash256 expected)
    {
        var final = new Dictionary<string, byte[]>();
        var plain = new PatriciaTrie();
        var hashed = new SecureTrie();
        foreach (var (key, value) in updates)
        {
            if (secure) hashed.Set(key, value ?? []);
            else plain.Set(key, value ?? []);
            if (value is null || value.Length == 0) final.Remove(Hex.ToHex(key));
            else final[Hex.ToHex(key)] = value;
        }

        var root = secure ? hashed.RootHash : plain.RootHash;
        if (root != expected) return $"root {root}, expected {expected}";
        foreach (var (key, value) in final)
        {
            var got = secure ? hashed.Get(Hex.Parse(key)) : plain.Get(Hex.Parse(key));
            if (got is null || !got.AsSpan().SequenceEqual(value)) return $"value of {key} reads back as {(got is null ? "missing" : Hex.ToHex(got))}";
        }
        if (!secure)
        {
            var listed = plain.Enumerate().Select(kv => Hex.ToHex(kv.Key)).ToList();
            var sorted = final.Keys.OrderBy(k => Hex.Parse(k), ByteOrder.Instance).ToList();
            if (!listed.SequenceEqual(sorted)) return $"enumeration gives [{string.Join(", ", listed)}], expected [{string.Join(", ", sorted)}]";
        }
        return null;
    }

    private static string? RunNextPrev(JsonElement keys, JsonElement probes)
    {
        var trie = new PatriciaTrie();
        foreach (var key in keys.EnumerateArray())
        {
            var bytes = Bytes(key)!;
            trie.Set(bytes, bytes);
        }
        var ordered = trie.Enumerate().Select(kv => kv.Key).ToList();
        foreach (var probe in probes.EnumerateArray())
        {
            byte[] at = Bytes(probe[0])!;
            string previous = Text(ordered.LastOrDefault(k => ByteOrder.Instance.Compare(k, at) < 0));
            string next = Text(ordered.FirstOrDefault(k => ByteOrder.Instance.Compare(k, at) > 0));
            if (previous != probe[1].GetString() || next != probe[2].GetString())
                return $"around '{probe[0].GetString()}': previous '{previous}', next '{next}'; expected '{probe[1].GetString()}', '{probe[2].GetString()}'";
        }
        return null;
    }

    private static string Text(byte[]? key) => key is null ? "" : System.Text.Encoding.UTF8.GetString(key);

    private static byte[]? Bytes(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => Bytes(value.GetString()!),
        _ => throw new FormatException($"expected a string or null, found a JSON {value.ValueKind}"),
    };

    private static byte[] Bytes(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal) ? Hex.Parse(text) : System.Text.Encoding.UTF8.GetBytes(text);

    /// <summary>Lexicographic order of byte strings, the order of keys in a trie.</summary>
    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
