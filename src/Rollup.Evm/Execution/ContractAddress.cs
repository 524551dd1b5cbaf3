using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Rlp;
using Rollup.Core.Types;

namespace Rollup.Evm.Execution;

/// <summary>Where CREATE and CREATE2 put the new contract.</summary>
public static class ContractAddress
{
    /// <summary>CREATE: keccak256(rlp([sender, nonce]))[12:].</summary>
    public static Address FromNonce(in Address sender, ulong nonce)
    {
        using var writer = new RlpWriter(64);
        int list = writer.StartList();
        writer.WriteBytes(sender.Bytes);
        writer.WriteUInt64(nonce);
        writer.EndList(list);
        return new Address(Keccak256.Hash(writer.WrittenSpan).Bytes[12..]);
    }

    /// <summary>CREATE2 (EIP-1014): keccak256(0xff ‖ sender ‖ salt ‖ keccak256(initcode))[12:].</summary>
    public static Address FromSalt(in Address sender, in UInt256 salt, ReadOnlySpan<byte> initCode)
    {
        Span<byte> buffer = stackalloc byte[1 + 20 + 32 + 32];
        buffer[0] = 0xff;
        sender.Bytes.CopyTo(buffer[1..]);
        salt.WriteBigEndian(buffer.Slice(21, 32));
        Keccak256.Hash(initCode, buffer.Slice(53, 32));
        return new Address(Keccak256.Hash(buffer).Bytes[12..]);
    }
}
