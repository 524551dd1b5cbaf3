using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.State.Leaves;
using Rollup.State.Trie;

namespace Rollup.State.Proofs;

/// <summary>
/// What <c>eth_getProof</c> returns on this chain (docs/state-tree.md, "Proofs"): the account's path in the account
/// trie, its fields when it exists (they hash to the leaf's value hash), and each requested slot's path in the
/// account's storage trie (empty paths when the account or its storage does not exist).
/// </summary>
public sealed record AccountProof(Address Address, AccountLeaf? Account, TrieProof Path, IReadOnlyList<StorageProof> Storage);

/// <summary>A slot's value (zero when absent) and its path in the storage trie.</summary>
public sealed record StorageProof(UInt256 Slot, UInt256 Value, TrieProof Path);
