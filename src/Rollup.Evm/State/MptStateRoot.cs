using Rollup.Core.Rlp;
using Rollup.Core.Trie;
using Rollup.Core.Types;

namespace Rollup.Evm.State;

/// <summary>Ethereum's state root: a secure Merkle-Patricia trie of accounts, each leaf rlp([nonce, balance,
/// storageRoot, codeHash]), each storage root a secure trie of rlp(value) by 32-byte slot key. Conformance needs it;
/// the rollup's own state commitment is the Poseidon tree.</summary>
public static class MptStateRoot
{
    public static Hash256 Compute(InMemoryStateSource state)
    {
        var accounts = new SecureTrie();
        Span<byte> key = stackalloc byte[32];
        foreach (var (address, account) in state.Accounts)
        {
            var storage = new SecureTrie();
            foreach (var (slot, value) in state.StorageOf(address))
            {
                if (value.IsZero) continue;
                slot.WriteBigEndian(key);
                using var w = new RlpWriter(40);
                w.WriteUInt256(value);
                storage.Set(key, w.WrittenSpan);
            }
            accounts.Set(address.Bytes, EncodeAccount(account, storage.RootHash));
        }
        return accounts.RootHash;
    }

    public static byte[] EncodeAccount(in AccountData account, in Hash256 storageRoot)
    {
        using var w = new RlpWriter(128);
        int list = w.StartList();
        w.WriteUInt64(account.Nonce);
        w.WriteUInt256(account.Balance);
        w.WriteBytes(storageRoot.Bytes);
        w.WriteBytes(account.CodeHash.Bytes);
        w.EndList(list);
        return w.ToArray();
    }
}
