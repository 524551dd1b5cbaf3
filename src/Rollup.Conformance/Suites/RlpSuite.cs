using System.Numerics;
using System.Text.Json;
using Rollup.Core.Encoding;
using Rollup.Core.Rlp;

namespace Rollup.Conformance.Suites;

/// <summary>ethereum/tests RLPTests: each case is <c>{ "in": value, "out": "0x.." }</c>.</summary>
/// <remarks>
/// <c>in</c> is "INVALID" when <c>out</c> must be rejected, "VALID" when it must decode (and so re-encode
/// to itself); otherwise it is the value: a string (its UTF-8 bytes), a number or a "#"-prefixed decimal
/// big integer, or a list of such. A valid case is checked both ways: encoding <c>in</c> gives <c>out</c>,
/// and decoding <c>out</c> in the shape of <c>in</c> gives <c>in</c>, which exercises the integer checks.
/// </remarks>
public sealed class RlpSuite : IFixtureSuite
{
    public string Name => "RLPTests";

    public IEnumerable<CaseResult> RunFile(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var results = new List<CaseResult>();
        foreach (var test in doc.RootElement.EnumerateObject())
        {
            string? failure;
            try { failure = RunCase(test.Value); }
            catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
            {
                failure = $"{e.GetType().Name}: {e.Message}";
            }
            results.Add(failure is null ? CaseResult.Pass(Name, path, test.Name) : CaseResult.Fail(Name, path, test.Name, failure));
        }
        return results;
    }

    /// <summary>Null when the case passes, else what went wrong.</summary>
    private static string? RunCase(JsonElement test)
    {
        var input = test.GetProperty("in");
        byte[] output = Hex.Parse(test.GetProperty("out").GetString() ?? throw new FormatException("'out' is not a string"));

        if (input.ValueKind == JsonValueKind.String && input.GetString() == "INVALID")
        {
            try
            {
                DecodeWhole(output);
                return "decoded, but the fixture says the input is invalid";
            }
            catch (RlpException) { return null; }
        }

        if (input.ValueKind == JsonValueKind.String && input.GetString() == "VALID")
        {
            byte[] again = DecodeWhole(output);
            return again.AsSpan().SequenceEqual(output) ? null : $"decoded, but re-encodes to {Hex.ToHex(again)}";
        }

        using var writer = new RlpWriter();
        Encode(writer, input);
        if (!writer.WrittenSpan.SequenceEqual(output))
            return $"encoding is {Hex.ToHex(writer.WrittenSpan)}, expected {Hex.ToHex(output)}";

        try
        {
            var reader = new RlpReader(output);
            string? mismatch = Expect(ref reader, input);
            if (mismatch is not null) return "decoding: " + mismatch;
            reader.EnsureEnd();
            return null;
        }
        catch (RlpException e) { return $"decoding failed: {e.Message}"; }
    }

    private static void Encode(RlpWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                int list = writer.StartList();
                foreach (var item in value.EnumerateArray()) Encode(writer, item);
                writer.EndList(list);
                break;
            case JsonValueKind.Number:
                writer.WriteBigInteger(BigInteger.Parse(value.GetRawText()));
                break;
            case JsonValueKind.String when value.GetString()!.StartsWith('#'):
                writer.WriteBigInteger(BigInteger.Parse(value.GetString()![1..]));
                break;
            case JsonValueKind.String:
                writer.WriteBytes(System.Text.Encoding.UTF8.GetBytes(value.GetString()!));
                break;
            default:
                throw new FormatException($"unexpected JSON {value.ValueKind} in 'in'");
        }
    }

    /// <summary>Reads the next item as the shape of <paramref name="expected"/> and compares.</summary>
    private static string? Expect(ref RlpReader reader, JsonElement expected)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Array:
                var list = reader.ReadList();
                foreach (var item in expected.EnumerateArray())
                    if (Expect(ref list, item) is { } mismatch) return mismatch;
                list.EnsureEnd();
                return null;
            case JsonValueKind.Number when expected.TryGetUInt64(out ulong small):
                ulong got = reader.ReadUInt64();
                return got == small ? null : $"integer {got}, expected {small}";
            case JsonValueKind.Number:
                return CompareBig(reader.ReadBigInteger(), BigInteger.Parse(expected.GetRawText()));
            case JsonValueKind.String when expected.GetString()!.StartsWith('#'):
                return CompareBig(reader.ReadBigInteger(), BigInteger.Parse(expected.GetString()![1..]));
            default:
                var bytes = reader.ReadBytes();
                var want = System.Text.Encoding.UTF8.GetBytes(expected.GetString()!);
                return bytes.SequenceEqual(want) ? null : $"string {Hex.ToHex(bytes)}, expected {Hex.ToHex(want)}";
        }
    }

    private static string? CompareBig(BigInteger got, BigInteger want) => got == want ? null : $"integer {got}, expected {want}";

    /// <summary>Decodes a whole input of any shape and returns its re-encoding (throws on invalid input).</summary>
    private static byte[] DecodeWhole(ReadOnlySpan<byte> data)
    {
        var reader = new RlpReader(data);
        using var writer = new RlpWriter();
        CopyItem(ref reader, writer);
        reader.EnsureEnd();
        return writer.ToArray();
    }

    private static void CopyItem(ref RlpReader reader, RlpWriter writer)
    {
        if (reader.PeekKind() == RlpKind.String)
        {
            writer.WriteBytes(reader.ReadBytes());
            return;
        }
        var list = reader.ReadList();
        int mark = writer.StartList();
        while (!list.AtEnd) CopyItem(ref list, writer);
        writer.EndList(mark);
    }
}
