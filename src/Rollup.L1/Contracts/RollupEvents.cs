using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.L1.Abi;

namespace Rollup.L1.Contracts;

/// <summary>BatchCommitted(uint64 indexed index, bytes32 indexed batchHash, bytes32 parentBatchHash, bytes32 dataHash).</summary>
public sealed record BatchCommitted(ulong Index, Hash256 BatchHash, Hash256 ParentBatchHash, Hash256 DataHash)
{
    public static BatchCommitted From(DecodedEvent e) =>
        new(RollupEventValues.U64(e, "index"), (Hash256)e["batchHash"]!, (Hash256)e["parentBatchHash"]!, (Hash256)e["dataHash"]!);
}

/// <summary>BatchFinalized(uint64 indexed index, bytes32 indexed batchHash, bytes32 stateRoot).</summary>
public sealed record BatchFinalized(ulong Index, Hash256 BatchHash, Hash256 StateRoot)
{
    public static BatchFinalized From(DecodedEvent e) => new(RollupEventValues.U64(e, "index"), (Hash256)e["batchHash"]!, (Hash256)e["stateRoot"]!);
}

/// <summary>BatchReverted(uint64 indexed index, bytes32 indexed batchHash).</summary>
public sealed record BatchReverted(ulong Index, Hash256 BatchHash)
{
    public static BatchReverted From(DecodedEvent e) => new(RollupEventValues.U64(e, "index"), (Hash256)e["batchHash"]!);
}

/// <summary>VerifierUpdated(address indexed previousVerifier, address indexed newVerifier).</summary>
public sealed record VerifierUpdated(Address PreviousVerifier, Address NewVerifier)
{
    public static VerifierUpdated From(DecodedEvent e) => new((Address)e["previousVerifier"]!, (Address)e["newVerifier"]!);
}

internal static class RollupEventValues
{
    public static ulong U64(DecodedEvent e, string name) => (ulong)(UInt256)e[name]!;
}
