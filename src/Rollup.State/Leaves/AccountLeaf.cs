using System.Buffers.Binary;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Hashing;
using Rollup.Evm.State;

namespace Rollup.State.Leaves;

/// <summary>
/// An account as the state tree holds it. Its value hash is Poseidon of 8 field elements, in this order:
/// nonce, balance_lo, balance_hi, keccak_code_hash_lo, keccak_code_hash_hi, poseidon_code_hash, code_size,
/// storage_root. Both code hashes are kept: keccak for EXTCODEHASH and Ethereum tooling, Poseidon for the circuits.
/// </summary>
public readonly record struct AccountLeaf(
    Address Address, ulong Nonce, UInt256 Balance, Hash256 CodeHash, Fr PoseidonCodeHash, ulong CodeSize, Fr StorageRoot)
{
    public const int FieldCount = 8;
    /// <summary>Stored preimage: address 20 ‖ nonce 8 ‖ balance 32 ‖ keccak code hash 32 ‖ Poseidon code hash 32 ‖
    /// code size 8 ‖ storage root 32 (integers big-endian).</summary>
    public const int PayloadSize = 20 + 8 + 32 + 32 + 32 + 8 + 32;

    public AccountData Data => new(Nonce, Balance, CodeHash);

    /// <summary>Absent from the tree: no nonce, no balance, no code, no storage.</summary>
    public bool IsEmpty => Nonce == 0 && Balance.IsZero && CodeHash == AccountData.EmptyCodeHash && StorageRoot.IsZero;

    public void WriteFields(Span<Fr> fields)
    {
        UInt256 codeWord = FieldEncoding.Word(CodeHash);
        fields[0] = Fr.FromUInt64(Nonce);
        fields[1] = FieldEncoding.Lo(Balance);
        fields[2] = FieldEncoding.Hi(Balance);
        fields[3] = FieldEncoding.Lo(codeWord);
        fields[4] = FieldEncoding.Hi(codeWord);
        fields[5] = PoseidonCodeHash;
        fields[6] = Fr.FromUInt64(CodeSize);
        fields[7] = StorageRoot;
    }

    public Fr ValueHash()
    {
        Span<Fr> fields = stackalloc Fr[FieldCount];
        WriteFields(fields);
        return Poseidon.Hash(fields);
    }

    public byte[] EncodePayload()
    {
        var b = new byte[PayloadSize];
        var s = b.AsSpan();
        Address.Bytes.CopyTo(s);
        BinaryPrimitives.WriteUInt64BigEndian(s[20..], Nonce);
        Balance.WriteBigEndian(s.Slice(28, 32));
        CodeHash.Bytes.CopyTo(s[60..]);
        PoseidonCodeHash.WriteBigEndian(s.Slice(92, 32));
        BinaryPrimitives.WriteUInt64BigEndian(s[124..], CodeSize);
        StorageRoot.WriteBigEndian(s.Slice(132, 32));
        return b;
    }

    public static AccountLeaf DecodePayload(ReadOnlySpan<byte> s)
    {
        if (s.Length != PayloadSize) throw new FormatException($"account leaf payload of {s.Length} bytes");
        return new AccountLeaf(
            new Address(s[..20]),
            BinaryPrimitives.ReadUInt64BigEndian(s[20..]),
            new UInt256(s.Slice(28, 32)),
            new Hash256(s.Slice(60, 32)),
            Fr.FromBigEndian(s.Slice(92, 32)),
            BinaryPrimitives.ReadUInt64BigEndian(s[124..]),
            Fr.FromBigEndian(s.Slice(132, 32)));
    }
}
