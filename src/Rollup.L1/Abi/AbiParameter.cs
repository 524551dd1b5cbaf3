namespace Rollup.L1.Abi;

/// <summary>A named input or output of a function, event, error or tuple. <see cref="Indexed"/> matters for event
/// inputs only (the value is a topic, not in the data).</summary>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false);
