using Rollup.Core.Crypto;
using Rollup.Core.Types;

namespace Rollup.Core.Trie;

/// <summary>A trie keyed by the Keccak-256 of each key, as Ethereum's state and storage tries are: hashing
/// spreads keys evenly, so an attacker cannot build deep paths, and every path is 64 nibbles long.
/// Keys given here are the preimages (an address, a 32-byte storage slot).</summary>
public sealed class SecureTrie
{
    private readonly PatriciaTrie _trie = new();

    public Hash256 RootHash => _trie.RootHash;

    public bool IsEmpty => _trie.IsEmpty;

    /// <summary>Sets the value; an empty value deletes the key.</summary>
    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => _trie.Set(Keccak256.Hash(key).Bytes, value);

    public bool Delete(ReadOnlySpan<byte> key) => _trie.Delete(Keccak256.Hash(key).Bytes);

    public bool TryGet(scoped ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value) => _trie.TryGet(Keccak256.Hash(key).Bytes, out value);

    public byte[]? Get(ReadOnlySpan<byte> key) => _trie.Get(Keccak256.Hash(key).Bytes);
}
