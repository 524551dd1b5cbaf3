using System.Text.Json;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Sequencer.Rpc;

/// <summary>A request's positional parameters, with typed accessors that fail as geth does: "invalid argument 0: ...",
/// "missing value for required argument 1", "too many arguments, want at most 2".</summary>
public sealed class RpcParams
{
    private readonly JsonElement[] _items;

    public RpcParams(JsonElement[] items) => _items = items;

    public static readonly RpcParams Empty = new([]);

    public int Count => _items.Length;

    /// <summary>Rejects more than <paramref name="max"/> arguments.</summary>
    public RpcParams AtMost(int max)
    {
        if (_items.Length > max) throw RpcException.InvalidParams($"too many arguments, want at most {max}");
        return this;
    }

    public bool Has(int index) => index < _items.Length && _items[index].ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    public JsonElement Raw(int index) => index < _items.Length ? _items[index] : default;

    public T Required<T>(int index, Func<JsonElement, T> parse)
    {
        if (!Has(index)) throw RpcException.InvalidParams($"missing value for required argument {index}");
        return Parse(index, parse);
    }

    public T Optional<T>(int index, Func<JsonElement, T> parse, T fallback) => Has(index) ? Parse(index, parse) : fallback;

    private T Parse<T>(int index, Func<JsonElement, T> parse)
    {
        try { return parse(_items[index]); }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException or KeyNotFoundException)
        {
            throw RpcException.InvalidParams($"invalid argument {index}: {e.Message}");
        }
    }

    // ---- element parsers, for Required/Optional and for fields of parameter objects ----

    public static string String(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new FormatException($"json: cannot unmarshal {Kind(e)} into Go value of type string");

    public static Address Address(JsonElement e) => RpcHex.ParseAddress(String(e));
    public static Hash256 Hash(JsonElement e) => RpcHex.ParseHash(String(e));
    public static byte[] Data(JsonElement e) => RpcHex.ParseData(String(e));
    public static UInt256 Quantity(JsonElement e) => RpcHex.ParseQuantity(String(e));
    public static ulong UInt64(JsonElement e) => RpcHex.ParseUInt64(String(e));

    public static bool Bool(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new FormatException($"json: cannot unmarshal {Kind(e)} into Go value of type bool"),
    };

    public static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };
}
