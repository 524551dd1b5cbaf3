using System.Text.Json;

namespace Rollup.L1.Abi;

/// <summary>A contract's JSON ABI as solc writes it: its constructor, functions, events and custom errors, looked up
/// by name (the contracts here declare no overloads, so a name is enough; an overloaded name is refused).</summary>
public sealed class ContractAbi
{
    private readonly Dictionary<string, AbiFunction> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AbiEvent> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, AbiError> _errorsBySelector = [];

    /// <summary>The constructor's inputs (empty when it has none).</summary>
    public IReadOnlyList<AbiParameter> ConstructorInputs { get; private set; } = [];
    public IEnumerable<AbiFunction> Functions => _functions.Values;
    public IEnumerable<AbiEvent> Events => _events.Values;
    public IEnumerable<AbiError> Errors => _errorsBySelector.Values;

    public static ContractAbi Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    public static ContractAbi FromJson(JsonElement abi)
    {
        var result = new ContractAbi();
        foreach (var entry in abi.EnumerateArray())
        {
            string kind = entry.GetProperty("type").GetString()!;
            string name = entry.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            switch (kind)
            {
                case "constructor":
                    result.ConstructorInputs = Parameters(entry, "inputs");
                    break;
                case "function":
                    string mutability = entry.TryGetProperty("stateMutability", out var m) ? m.GetString()! : "nonpayable";
                    Add(result._functions, name, new AbiFunction(name, Parameters(entry, "inputs"), Parameters(entry, "outputs"), mutability));
                    break;
                case "event":
                    bool anonymous = entry.TryGetProperty("anonymous", out var a) && a.GetBoolean();
                    Add(result._events, name, new AbiEvent(name, Parameters(entry, "inputs"), anonymous));
                    break;
                case "error":
                    var error = new AbiError(name, Parameters(entry, "inputs"));
                    result._errorsBySelector[SelectorKey(error.Selector)] = error;
                    break;
                // fallback and receive have no ABI encoding to speak of.
            }
        }
        return result;
    }

    public AbiFunction Function(string name) =>
        _functions.TryGetValue(name, out var f) ? f : throw new KeyNotFoundException($"the ABI has no function '{name}'");

    public AbiEvent Event(string name) =>
        _events.TryGetValue(name, out var e) ? e : throw new KeyNotFoundException($"the ABI has no event '{name}'");

    public AbiError Error(string name) =>
        Errors.FirstOrDefault(e => e.Name == name) ?? throw new KeyNotFoundException($"the ABI has no error '{name}'");

    /// <summary>Names revert data: one of this contract's custom errors, Error(string), Panic(uint256), or, when the
    /// selector is unknown or the arguments do not decode, the raw bytes.</summary>
    public DecodedRevert DecodeRevert(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4) return DecodedRevert.Unrecognised(data);
        uint key = SelectorKey(data[..4]);
        AbiError? error = _errorsBySelector.GetValueOrDefault(key)
            ?? (key == SelectorKey(AbiError.ErrorString.Selector) ? AbiError.ErrorString
            : key == SelectorKey(AbiError.Panic.Selector) ? AbiError.Panic : null);
        if (error is null) return DecodedRevert.Unrecognised(data);
        try
        {
            return new DecodedRevert(error, AbiDecoder.Decode(error.Inputs.Select(p => p.Type).ToArray(), data[4..]), data.ToArray());
        }
        catch (AbiDecodingException)
        {
            return DecodedRevert.Unrecognised(data);
        }
    }

    private static IReadOnlyList<AbiParameter> Parameters(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var list) ? list.EnumerateArray().Select(AbiTypeParser.ParseParameter).ToArray() : [];

    private static void Add<T>(Dictionary<string, T> map, string name, T member)
    {
        if (!map.TryAdd(name, member)) throw new NotSupportedException($"overloaded ABI member '{name}': look-up by name would be ambiguous");
    }

    private static uint SelectorKey(ReadOnlySpan<byte> selector) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(selector);
}
