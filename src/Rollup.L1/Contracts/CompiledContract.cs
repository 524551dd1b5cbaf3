using Rollup.L1.Abi;

namespace Rollup.L1.Contracts;

/// <summary>One contract from the solc artifact: its ABI and its creation and runtime bytecode.</summary>
public sealed record CompiledContract(string Name, string Source, ContractAbi Abi, byte[] Bytecode, byte[] DeployedBytecode)
{
    /// <summary>What a deployment transaction carries: the creation bytecode followed by the ABI-encoded constructor
    /// arguments.</summary>
    public byte[] DeploymentData(params object?[] constructorArgs)
    {
        if (Bytecode.Length == 0) throw new InvalidOperationException($"{Name} is abstract or an interface: it has no bytecode to deploy");
        var inputs = Abi.ConstructorInputs;
        if (constructorArgs.Length != inputs.Count)
            throw new ArgumentException($"{Name}'s constructor takes {inputs.Count} arguments, got {constructorArgs.Length}");
        var args = AbiEncoder.Encode(inputs.Select(p => p.Type).ToArray(), constructorArgs);
        return [.. Bytecode, .. args];
    }
}
