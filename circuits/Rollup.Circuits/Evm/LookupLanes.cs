using Rollup.Circuits.Tables;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>Lanes of (tag, x, y, z) cells, each row of each lane looked up in the <see cref="TaggedTable"/>: a gadget
/// that needs z = f(x, y) for a small function (AND of two bytes, …) takes a lane cell, and the framework's lookup
/// does the rest. Columns and lookups exist only once a gadget asks for a lane, so circuits without such gadgets
/// carry none of it.</summary>
public sealed class LookupLanes(ConstraintSystem cs)
{
    /// <summary>Lanes side by side: a step offers Count × Height lookups.</summary>
    public const int Count = 2;

    public TaggedTable? Table { get; private set; }
    public Column[] Tag { get; private set; } = [];
    public Column[] X { get; private set; } = [];
    public Column[] Y { get; private set; } = [];
    public Column[] Z { get; private set; } = [];

    public bool InUse => Table is not null;

    /// <summary>Lane cell number <paramref name="index"/> of a step: lane index % Count, rotation index / Count.</summary>
    internal (int Lane, int Rotation) Place(int index) => (index % Count, index / Count);

    internal void EnsureColumns()
    {
        if (Table is not null) return;
        Table = new TaggedTable(cs);
        Tag = Enumerable.Range(0, Count).Select(i => cs.Advice($"evm_lane_{i}_tag")).ToArray();
        X = Enumerable.Range(0, Count).Select(i => cs.Advice($"evm_lane_{i}_x")).ToArray();
        Y = Enumerable.Range(0, Count).Select(i => cs.Advice($"evm_lane_{i}_y")).ToArray();
        Z = Enumerable.Range(0, Count).Select(i => cs.Advice($"evm_lane_{i}_z")).ToArray();
    }

    /// <summary>Called once all gadgets are configured: every lane row is a row of the tagged table.</summary>
    internal void DeclareLookups()
    {
        if (Table is null) return;
        cs.LookupGroup("evm lanes in the tagged table",
            Enumerable.Range(0, Count).Select(i => ((Expression?)null, new[] { Tag[i].Cur, X[i].Cur, Y[i].Cur, Z[i].Cur })).ToArray(),
            Table.Columns);
    }
}
