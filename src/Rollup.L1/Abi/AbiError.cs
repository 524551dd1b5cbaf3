using Rollup.Core.Crypto;

namespace Rollup.L1.Abi;

/// <summary>A Solidity custom error: revert data is its 4-byte selector followed by its ABI-encoded arguments.</summary>
public sealed class AbiError
{
    public string Name { get; }
    public IReadOnlyList<AbiParameter> Inputs { get; }
    public string Signature { get; }
    public byte[] Selector { get; }

    public AbiError(string name, IReadOnlyList<AbiParameter> inputs)
    {
        Name = name;
        Inputs = inputs;
        Signature = AbiSignature.Of(name, inputs);
        Selector = Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(Signature)).Bytes[..4].ToArray();
    }

    /// <summary>The revert data this error with these arguments produces (for tests and tools).</summary>
    public byte[] Encode(params object?[] args) => AbiEncoder.EncodeCall(Selector, Inputs.Select(p => p.Type).ToArray(), args);

    /// <summary>Solidity's built-in error for require(cond, "message") and revert("message").</summary>
    public static readonly AbiError ErrorString = new("Error", [new AbiParameter("message", StringType.Instance)]);

    /// <summary>Solidity's built-in error for failed asserts, overflow, division by zero and the like.</summary>
    public static readonly AbiError Panic = new("Panic", [new AbiParameter("code", new UIntType(256))]);

    public override string ToString() => Signature;
}
