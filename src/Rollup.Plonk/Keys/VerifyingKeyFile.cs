using System.Text.Json;
using System.Text.Json.Nodes;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Protocol;

namespace Rollup.Plonk.Keys;

/// <summary>A verifying key as a JSON file: the circuit (columns, equality columns, challenges, gates and lookups,
/// expressions in <see cref="ExpressionCodec"/>'s notation), k, the fixed and σ commitments, [1]₂ and [τ]₂, how many
/// public inputs each instance column holds, and the key's digest. Everything a verifier (C# or the generated
/// Solidity) needs, and nothing of the proving key. Reading rebuilds the circuit, checks every point and recomputes
/// the digest, so a file that was altered in any way the verifier depends on is refused rather than used.</summary>
public static class VerifyingKeyFile
{
    public const string Format = "rollup-plonk-vk-v1";

    /// <summary>A key read back, with the public-input counts per instance column the verifier is generated for.</summary>
    public sealed record Contents(VerifyingKey Key, int[] InstanceLengths);

    public static string Write(VerifyingKey vk, IReadOnlyList<int> instanceLengths)
    {
        var cs = vk.Layout.System;
        if (instanceLengths.Count != cs.InstanceColumns.Count) throw new ArgumentException("one public-input count per instance column");
        var json = new JsonObject
        {
            ["format"] = Format,
            ["digest"] = Hex(vk.Digest),
            ["k"] = vk.Layout.K,
            ["instanceLengths"] = new JsonArray(instanceLengths.Select(n => (JsonNode)n).ToArray()),
            ["circuit"] = new JsonObject
            {
                ["fixed"] = Names(cs.FixedColumns),
                ["advice"] = new JsonArray(cs.AdviceColumns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["phase"] = c.Phase }).ToArray()),
                ["instance"] = Names(cs.InstanceColumns),
                ["equality"] = new JsonArray(cs.EqualityColumns.Select(c => (JsonNode)$"{c.Kind.ToString()[0]} {c.Index}").ToArray()),
                ["challenges"] = new JsonArray(cs.Challenges.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["afterPhase"] = c.AfterPhase }).ToArray()),
                ["gates"] = new JsonArray(cs.Gates.Select(g => (JsonNode)new JsonObject
                {
                    ["name"] = g.Name,
                    ["polynomials"] = new JsonArray(g.Polynomials.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["expression"] = ExpressionCodec.Write(p.Polynomial) }).ToArray()),
                }).ToArray()),
                ["lookups"] = new JsonArray(cs.Lookups.Select(l => (JsonNode)new JsonObject
                {
                    ["name"] = l.Name,
                    ["inputs"] = new JsonArray(l.Inputs.Select(i => (JsonNode)new JsonObject
                    {
                        ["selector"] = ExpressionCodec.Write(i.Selector),
                        ["values"] = Expressions(i.Values),
                    }).ToArray()),
                    ["table"] = Expressions(l.Table),
                }).ToArray()),
            },
            ["fixedCommitments"] = new JsonArray(vk.FixedCommitments.Select(p => (JsonNode)Hex(p.Encode())).ToArray()),
            ["sigmaCommitments"] = new JsonArray(vk.SigmaCommitments.Select(p => (JsonNode)Hex(p.Encode())).ToArray()),
            ["g2"] = Hex(vk.G2.Encode()),
            ["tauG2"] = Hex(vk.TauG2.Encode()),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    public static void Save(string path, VerifyingKey vk, IReadOnlyList<int> instanceLengths) => File.WriteAllText(path, Write(vk, instanceLengths));

    /// <exception cref="FormatException">naming what is wrong: not JSON, another format, a missing or malformed
    /// field, a point off the curve, or a digest that does not match the contents.</exception>
    public static Contents Read(string text)
    {
        JsonNode root;
        try
        {
            root = JsonNode.Parse(text) ?? throw new FormatException("the verifying key file is empty");
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a verifying key file (not JSON: {e.Message})");
        }
        try
        {
            if ((string?)root["format"] != Format) throw new FormatException($"not a verifying key file: format is '{root["format"]}', expected '{Format}'");
            var circuit = Required(root, "circuit");
            var cs = new ConstraintSystem();
            foreach (var name in Array(circuit, "fixed")) cs.Fixed(Str(name));
            foreach (var c in Array(circuit, "advice")) cs.Advice(Str(Required(c, "name")), Int(Required(c, "phase")));
            foreach (var name in Array(circuit, "instance")) cs.Instance(Str(name));
            foreach (var c in Array(circuit, "challenges")) cs.Challenge(Str(Required(c, "name")), Int(Required(c, "afterPhase")));
            foreach (var e in Array(circuit, "equality")) cs.EnableEquality(EqualityColumn(cs, Str(e)));
            foreach (var g in Array(circuit, "gates"))
                cs.Gate(Str(Required(g, "name")), Array(g, "polynomials")
                    .Select(p => (Str(Required(p, "name")), ExpressionCodec.Read(Str(Required(p, "expression")), cs))).ToArray());
            foreach (var l in Array(circuit, "lookups"))
                cs.LookupGroup(Str(Required(l, "name")),
                    Array(l, "inputs").Select(i => ((Expression?)ExpressionCodec.Read(Str(Required(i, "selector")), cs), ReadExpressions(i, "values", cs))).ToArray(),
                    ReadExpressions(l, "table", cs));

            int k = Int(Required(root, "k"));
            if (k < 1 || k > 28) throw new FormatException($"k = {k} is out of range");
            var lengths = Array(root, "instanceLengths").Select(Int).ToArray();
            if (lengths.Length != cs.InstanceColumns.Count) throw new FormatException($"{lengths.Length} public-input counts for {cs.InstanceColumns.Count} instance columns");
            if (lengths.Any(n => n < 0 || n > 1 << k)) throw new FormatException($"a public-input count is outside 0..2^{k}");
            var layout = new ProtocolLayout(cs, k);
            var fixedCommitments = Array(root, "fixedCommitments").Select((p, i) => G1(p, $"fixed commitment {i}")).ToArray();
            var sigmaCommitments = Array(root, "sigmaCommitments").Select((p, i) => G1(p, $"σ commitment {i}")).ToArray();
            if (fixedCommitments.Length != cs.FixedColumns.Count) throw new FormatException($"{fixedCommitments.Length} fixed commitments for {cs.FixedColumns.Count} fixed columns");
            if (sigmaCommitments.Length != cs.EqualityColumns.Count) throw new FormatException($"{sigmaCommitments.Length} σ commitments for {cs.EqualityColumns.Count} equality columns");
            var vk = new VerifyingKey(layout, fixedCommitments, sigmaCommitments, G2(Required(root, "g2"), "g2"), G2(Required(root, "tauG2"), "tauG2"));
            string digest = Str(Required(root, "digest"));
            if (!string.Equals(digest, Hex(vk.Digest), StringComparison.OrdinalIgnoreCase))
                throw new FormatException($"the digest of the contents is {Hex(vk.Digest)}, the file says {digest}: the file was altered or is damaged");
            return new Contents(vk, lengths);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InvalidCastException)
        {
            throw new FormatException($"not a valid verifying key file: {e.Message}", e);
        }
    }

    /// <exception cref="FormatException">as <see cref="Read"/>, or when the file is missing.</exception>
    public static Contents Load(string path) =>
        File.Exists(path) ? Read(File.ReadAllText(path)) : throw new FormatException($"no verifying key file at {path}");

    private static Column EqualityColumn(ConstraintSystem cs, string text)
    {
        var parts = text.Split(' ');
        var columns = parts.Length == 2 ? parts[0] switch { "F" => cs.FixedColumns, "A" => cs.AdviceColumns, "I" => cs.InstanceColumns, _ => null } : null;
        if (columns is null || !int.TryParse(parts[1], out int index) || index < 0 || index >= columns.Count)
            throw new FormatException($"equality column '{text}' does not exist");
        return columns[index];
    }

    private static JsonArray Names(IEnumerable<Column> columns) => new(columns.Select(c => (JsonNode)c.Name).ToArray());
    private static JsonArray Expressions(IEnumerable<Expression> es) => new(es.Select(e => (JsonNode)ExpressionCodec.Write(e)).ToArray());
    private static Expression[] ReadExpressions(JsonNode node, string field, ConstraintSystem cs) => Array(node, field).Select(e => ExpressionCodec.Read(Str(e), cs)).ToArray();

    private static JsonNode Required(JsonNode node, string field) => node[field] ?? throw new FormatException($"field '{field}' is missing");
    private static IEnumerable<JsonNode> Array(JsonNode node, string field) =>
        (Required(node, field) as JsonArray ?? throw new FormatException($"field '{field}' is not an array")).Select(n => n ?? throw new FormatException($"'{field}' holds a null"));
    private static string Str(JsonNode node) => node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : throw new FormatException($"'{node.ToJsonString()}' is not a string");
    private static int Int(JsonNode node) => node.GetValueKind() == JsonValueKind.Number ? node.GetValue<int>() : throw new FormatException($"'{node.ToJsonString()}' is not a number");

    private static G1Affine G1(JsonNode node, string what)
    {
        var status = G1Affine.Decode(Bytes(Str(node), what), out var p);
        return status == PointDecodeStatus.Ok ? p : throw new FormatException($"{what} is not a G1 point ({status})");
    }

    private static G2Affine G2(JsonNode node, string what)
    {
        var status = G2Affine.Decode(Bytes(Str(node), what), out var p);
        return status == PointDecodeStatus.Ok ? p : throw new FormatException($"{what} is not a G2 point ({status})");
    }

    private static byte[] Bytes(string hex, string what)
    {
        if (!hex.StartsWith("0x", StringComparison.Ordinal)) throw new FormatException($"{what} is not 0x-hex");
        try { return Convert.FromHexString(hex.AsSpan(2)); }
        catch (FormatException) { throw new FormatException($"{what} is not 0x-hex"); }
    }

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
