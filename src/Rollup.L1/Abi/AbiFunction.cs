using Rollup.Core.Crypto;

namespace Rollup.L1.Abi;

/// <summary>A contract function: encodes calls to it and decodes what it returns.</summary>
public sealed class AbiFunction
{
    public string Name { get; }
    public IReadOnlyList<AbiParameter> Inputs { get; }
    public IReadOnlyList<AbiParameter> Outputs { get; }
    /// <summary>pure, view, nonpayable or payable.</summary>
    public string StateMutability { get; }
    /// <summary>name(type1,type2,...), the text the selector hashes.</summary>
    public string Signature { get; }
    public byte[] Selector { get; }

    public AbiFunction(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter> outputs, string stateMutability = "nonpayable")
    {
        Name = name;
        Inputs = inputs;
        Outputs = outputs;
        StateMutability = stateMutability;
        Signature = AbiSignature.Of(name, inputs);
        Selector = Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(Signature)).Bytes[..4].ToArray();
    }

    public bool IsReadOnly => StateMutability is "view" or "pure";

    public byte[] EncodeCall(params object?[] args)
    {
        if (args.Length != Inputs.Count) throw new ArgumentException($"{Signature} takes {Inputs.Count} arguments, got {args.Length}");
        return AbiEncoder.EncodeCall(Selector, Inputs.Select(p => p.Type).ToArray(), args);
    }

    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData) => AbiDecoder.Decode(Outputs.Select(p => p.Type).ToArray(), returnData);

    public override string ToString() => Signature;
}

internal static class AbiSignature
{
    public static string Of(string name, IReadOnlyList<AbiParameter> inputs) =>
        name + "(" + string.Join(",", inputs.Select(p => p.Type.Name)) + ")";
}
