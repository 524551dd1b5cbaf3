using System.Text.Json;

namespace Rollup.L1.Abi;

/// <summary>Reads ABI types from their spellings: "uint256", "bytes32[]", "(uint64,bytes)[2]" in signatures, and from
/// the JSON ABI solc writes, where a tuple is "tuple" (or "tuple[]"…) plus a "components" list.</summary>
public static class AbiTypeParser
{
    public static AbiType Parse(string type) => Parse(type.Trim(), components: null);

    /// <summary>One JSON ABI parameter object: {"name", "type", "components"?, "indexed"?}.</summary>
    public static AbiParameter ParseParameter(JsonElement parameter)
    {
        string name = parameter.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
        string type = parameter.GetProperty("type").GetString() ?? throw new FormatException("ABI parameter without a type");
        IReadOnlyList<AbiParameter>? components = parameter.TryGetProperty("components", out var c)
            ? c.EnumerateArray().Select(ParseParameter).ToArray()
            : null;
        bool indexed = parameter.TryGetProperty("indexed", out var i) && i.GetBoolean();
        return new AbiParameter(name, Parse(type, components), indexed);
    }

    private static AbiType Parse(string type, IReadOnlyList<AbiParameter>? components)
    {
        // Array suffixes bind from the right: uint8[2][] is a dynamic array of uint8[2].
        if (type.EndsWith(']'))
        {
            int open = type.LastIndexOf('[');
            if (open < 0) throw new FormatException($"unbalanced ']' in ABI type '{type}'");
            string inner = type[(open + 1)..^1];
            AbiType element = Parse(type[..open], components);
            if (inner.Length == 0) return new ArrayType(element, null);
            if (!int.TryParse(inner, out int length) || length <= 0) throw new FormatException($"bad array length in ABI type '{type}'");
            return new ArrayType(element, length);
        }
        if (type.StartsWith('(')) return ParseTupleSpelling(type);
        if (type == "tuple")
            return new TupleType(components ?? throw new FormatException("ABI type 'tuple' without components"));
        return ParseElementary(type);
    }

    private static AbiType ParseElementary(string type)
    {
        switch (type)
        {
            case "address": return AddressType.Instance;
            case "bool": return BoolType.Instance;
            case "bytes": return BytesType.Instance;
            case "string": return StringType.Instance;
            case "uint": return new UIntType(256);
            case "int": return new IntType(256);
        }
        if (type.StartsWith("uint") && TryBits(type[4..], out int ub)) return new UIntType(ub);
        if (type.StartsWith("int") && TryBits(type[3..], out int ib)) return new IntType(ib);
        if (type.StartsWith("bytes") && int.TryParse(type[5..], out int size) && size is >= 1 and <= 32) return new FixedBytesType(size);
        throw new FormatException($"unsupported ABI type '{type}'");
    }

    private static bool TryBits(string digits, out int bits) =>
        int.TryParse(digits, out bits) && bits is >= 8 and <= 256 && bits % 8 == 0;

    /// <summary>"(t1,t2,...)": split at the commas that are not inside nested parentheses.</summary>
    private static TupleType ParseTupleSpelling(string type)
    {
        if (!type.EndsWith(')')) throw new FormatException($"unbalanced '(' in ABI type '{type}'");
        string body = type[1..^1];
        var parts = new List<AbiParameter>();
        if (body.Length == 0) return new TupleType(parts);
        int depth = 0, start = 0;
        for (int i = 0; i <= body.Length; i++)
        {
            if (i < body.Length && body[i] == '(') depth++;
            else if (i < body.Length && body[i] == ')') depth--;
            else if (i == body.Length || (body[i] == ',' && depth == 0))
            {
                parts.Add(new AbiParameter($"_{parts.Count}", Parse(body[start..i].Trim(), null)));
                start = i + 1;
            }
        }
        if (depth != 0) throw new FormatException($"unbalanced parentheses in ABI type '{type}'");
        return new TupleType(parts);
    }
}
