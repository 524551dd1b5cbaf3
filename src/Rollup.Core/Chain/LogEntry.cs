using Rollup.Core.Types;

namespace Rollup.Core.Chain;

/// <summary>A log emitted by LOG0..LOG4: the emitting contract, up to four topics and the data.</summary>
public sealed record LogEntry(Address Address, Hash256[] Topics, byte[] Data)
{
    public bool Equals(LogEntry? other) =>
        other is not null && Address == other.Address && Topics.AsSpan().SequenceEqual(other.Topics) && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() => HashCode.Combine(Address, Topics.Length, Data.Length);
}
