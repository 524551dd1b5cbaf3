using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Hashing;
using Rollup.State.Trie;

namespace Rollup.State.Leaves;

/// <summary>
/// Path keys. Addresses and slots are hashed so that where a leaf sits is pseudo-random: nobody can place keys
/// with long shared prefixes (which would make paths, and in-circuit cost, long) without grinding Poseidon.
/// </summary>
public static class StateKeys
{
    /// <summary>Poseidon(address) — one input, the address as a 160-bit integer.</summary>
    public static Fr Account(in Address address)
    {
        ReadOnlySpan<Fr> input = [FieldEncoding.FromAddress(address)];
        return Poseidon.Hash(input);
    }

    /// <summary>Poseidon(slot_lo, slot_hi).</summary>
    public static Fr Storage(in UInt256 slot) => Poseidon.Hash2(FieldEncoding.Lo(slot), FieldEncoding.Hi(slot));

    public static TrieKey AccountPath(in Address address) => new(Account(address));
    public static TrieKey StoragePath(in UInt256 slot) => new(Storage(slot));
}
