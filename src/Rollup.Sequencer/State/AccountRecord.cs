using Rollup.Core.Numerics;
using Rollup.Core.Rlp;
using Rollup.Core.Types;
using Rollup.Evm.State;

namespace Rollup.Sequencer.State;

/// <summary>One stored version of an account: its fields, or a tombstone when it was deleted, and the incarnation its
/// storage is kept under. Deleting an account or re-creating it over old storage starts a new incarnation, so the old
/// slots become unreachable at once instead of being deleted one by one.</summary>
public readonly record struct AccountRecord(bool Exists, AccountData Data, ulong Incarnation)
{
    public static AccountRecord Tombstone(ulong incarnation) => new(false, AccountData.Empty, incarnation);

    /// <summary>rlp([exists, nonce, balance, codeHash, incarnation]).</summary>
    public byte[] Encode()
    {
        using var w = new RlpWriter(96);
        int list = w.StartList();
        w.WriteUInt64(Exists ? 1UL : 0UL);
        w.WriteUInt64(Data.Nonce);
        w.WriteUInt256(Data.Balance);
        w.WriteBytes(Data.CodeHash.Bytes);
        w.WriteUInt64(Incarnation);
        w.EndList(list);
        return w.ToArray();
    }

    public static AccountRecord Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new RlpReader(encoded);
        var f = reader.ReadList();
        bool exists = f.ReadUInt64() == 1;
        ulong nonce = f.ReadUInt64();
        UInt256 balance = f.ReadUInt256();
        var codeHash = new Hash256(f.ReadBytes(32));
        ulong incarnation = f.ReadUInt64();
        return new AccountRecord(exists, new AccountData(nonce, balance, codeHash), incarnation);
    }
}
