using Rollup.Core.Types;

namespace Rollup.Core.Transactions;

/// <summary>One EIP-2930 access list item: an address and the storage keys of it to pre-warm.</summary>
public sealed record AccessListEntry(Address Address, IReadOnlyList<Hash256> StorageKeys)
{
    public bool Equals(AccessListEntry? other) =>
        other is not null && Address == other.Address && StorageKeys.SequenceEqual(other.StorageKeys);

    public override int GetHashCode() => HashCode.Combine(Address, StorageKeys.Count);
}
