using Rollup.Circuits.Tables;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>Lanes of (tag, x, y, z) cells, each row of each lane looked up in the <see cref="TaggedTable"/>: a gadget
/// that needs z = f(x, y) for a small function (AND of two nibbles, …) takes a lane cell, and the framework's lookup
/// does the rest. Columns and lookups exist only once a gadget asks for a lane, so circuits without such gadgets
/// carry none of it; and there are only as many lanes as the hungriest gadget needs, one lane column per
/// <see cref="EvmCircuitConfig.Height"/> lane cells of a step (the bitwise gadget's 64 nibble lookups take 4 lanes, a
/// circuit whose gadgets take at most 16 lane cells per step has one).</summary>
public sealed class LookupLanes(ConstraintSystem cs)
{
    /// <summary>Lanes per grouped lookup: two inputs and the table keep the logUp constraint at degree 4, the circuit's
    /// degree (<see cref="Lookup.Degree"/>: 1 + inputs + 1); a third would raise every quotient to degree 5.</summary>
    public const int LanesPerLookup = 2;

    private readonly List<Column> _tag = [], _x = [], _y = [], _z = [];

    public TaggedTable? Table { get; private set; }
    public IReadOnlyList<Column> Tag => _tag;
    public IReadOnlyList<Column> X => _x;
    public IReadOnlyList<Column> Y => _y;
    public IReadOnlyList<Column> Z => _z;

    /// <summary>Lanes side by side so far: a step offers Count × Height lookups.</summary>
    public int Count => _tag.Count;

    public bool InUse => Table is not null;

    /// <summary>Lane cell number <paramref name="index"/> of a step: lane index / Height, rotation index % Height. Lane
    /// after lane (not row after row across lanes), so the place of a cell never depends on how many lanes later gadgets
    /// add, and a gadget with few lane cells needs only the first lane.</summary>
    internal (int Lane, int Rotation) Place(int index) => (index / EvmCircuitConfig.Height, index % EvmCircuitConfig.Height);

    /// <summary>Makes sure lane cell <paramref name="index"/> of a step has its column: the tagged table with the first
    /// lane, then one more lane each time a gadget needs more cells than the lanes so far hold.</summary>
    internal void EnsureCell(int index)
    {
        Table ??= new TaggedTable(cs);
        int lane = Place(index).Lane;
        while (Count <= lane)
        {
            int i = Count;
            _tag.Add(cs.Advice($"evm_lane_{i}_tag"));
            _x.Add(cs.Advice($"evm_lane_{i}_x"));
            _y.Add(cs.Advice($"evm_lane_{i}_y"));
            _z.Add(cs.Advice($"evm_lane_{i}_z"));
        }
    }

    /// <summary>Called once all gadgets are configured: every lane row is a row of the tagged table, lanes grouped
    /// <see cref="LanesPerLookup"/> to a lookup.</summary>
    internal void DeclareLookups()
    {
        if (Table is null) return;
        for (int first = 0; first < Count; first += LanesPerLookup)
        {
            var lanes = Enumerable.Range(first, System.Math.Min(LanesPerLookup, Count - first)).ToArray();
            cs.LookupGroup($"evm lanes {string.Join(", ", lanes)} in the tagged table",
                lanes.Select(i => ((Expression?)null, new[] { _tag[i].Cur, _x[i].Cur, _y[i].Cur, _z[i].Cur })).ToArray(),
                Table.Columns);
        }
    }
}
