using Rollup.Circuits.Tables;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>A row of the transaction table a gadget looked up: the value of <see cref="TxField"/> for its transaction.</summary>
public sealed record TxLookup(CellRef TxId, CellRef Field, CellRef Index, CellRef Lo, CellRef Hi);

/// <summary>A row of the block table a gadget looked up.</summary>
public sealed record BlockLookup(CellRef Field, CellRef Number, CellRef Lo, CellRef Hi);

/// <summary>Lanes into the transaction and block tables: <see cref="TxLaneCount"/> transaction lanes and one block lane
/// per row of a step (so a step offers 2 × <see cref="EvmCircuitConfig.Height"/> transaction lookups, enough for
/// CALLDATALOAD's 32 calldata bytes, and <see cref="EvmCircuitConfig.Height"/> block lookups). Every row of every lane is looked up, without a selector:
/// both tables start with an all-zero row, so a lane a gadget leaves idle (all zeros) matches it and says nothing.
/// A gadget takes a lane with <see cref="Tx"/> or <see cref="Block"/>, which pins the field (and index) it reads.</summary>
public sealed class ContextLookups
{
    private readonly Dictionary<GadgetBuilder, (int Tx, int Block)> _used = [];

    public TxTable TxTable { get; }
    public BlockTable BlockTable { get; }
    public const int TxLaneCount = 2;
    public Column[][] TxLanes { get; }  // per lane: tx id, field, index, lo, hi
    public Column[] BlockLane { get; }  // field, number, lo, hi

    public ContextLookups(ConstraintSystem cs)
    {
        TxTable = new TxTable(cs);
        BlockTable = new BlockTable(cs);
        TxLanes = Enumerable.Range(0, TxLaneCount).Select(lane =>
            new[] { "id", "field", "index", "lo", "hi" }.Select(n => cs.Advice(lane == 0 ? $"evm_tx_lane_{n}" : $"evm_tx_lane{lane}_{n}")).ToArray()).ToArray();
        BlockLane = new[] { "field", "number", "lo", "hi" }.Select(n => cs.Advice($"evm_block_lane_{n}")).ToArray();
        for (int lane = 0; lane < TxLaneCount; lane++)
            cs.Lookup(lane == 0 ? "evm tx lane in the tx table" : $"evm tx lane {lane} in the tx table", null, TxLanes[lane].Select(c => c.Cur).ToArray(), TxTable.Columns);
        cs.Lookup("evm block lane in the block table", null, BlockLane.Select(c => c.Cur).ToArray(), BlockTable.Columns);
    }

    /// <summary>Field <paramref name="field"/> (at <paramref name="index"/>) of transaction <paramref name="txId"/>.</summary>
    public TxLookup Tx(GadgetBuilder b, string name, Expression txId, TxField field, Expression? index = null) =>
        TxIf(b, name, null, txId, field, index);

    /// <summary>Like <see cref="Tx"/>, but only when <paramref name="enabled"/> (0 or 1) is 1; otherwise the lane holds
    /// the table's all-zero row and says nothing (its value cells must then be zero too).</summary>
    public TxLookup TxIf(GadgetBuilder b, string name, Expression? enabled, Expression txId, TxField field, Expression? index = null)
    {
        var (tx, block) = _used.GetValueOrDefault(b);
        if (tx >= TxLaneCount * EvmCircuitConfig.Height) throw new InvalidOperationException($"{b.Gadget.State}: out of tx lookups");
        _used[b] = (tx + 1, block);
        var lane = TxLanes[tx / EvmCircuitConfig.Height];
        CellRef Cell(int c, string part) => b.Own(new CellRef($"{name}.{part}", lane[c], tx % EvmCircuitConfig.Height));
        var l = new TxLookup(Cell(0, "tx id"), Cell(1, "field"), Cell(2, "index"), Cell(3, "lo"), Cell(4, "hi"));
        Expression On(Expression e) => enabled is null ? e : enabled * e;
        b.Require($"{name}: tx id", l.TxId - On(txId));
        b.Require($"{name}: field", l.Field - On(Expression.Constant((long)field)));
        b.Require($"{name}: index", l.Index - On(index ?? Expression.Constant(0)));
        return l;
    }

    /// <summary>Field <paramref name="field"/> of block <paramref name="number"/>.</summary>
    public BlockLookup Block(GadgetBuilder b, string name, Expression number, BlockField field) =>
        Block(b, name, number, Expression.Constant((long)field));

    /// <summary>A field of block <paramref name="number"/> chosen by an expression (a gadget serving several fields).</summary>
    public BlockLookup Block(GadgetBuilder b, string name, Expression number, Expression field)
    {
        var (tx, block) = _used.GetValueOrDefault(b);
        if (block >= EvmCircuitConfig.Height) throw new InvalidOperationException($"{b.Gadget.State}: out of block lookups");
        _used[b] = (tx, block + 1);
        CellRef Cell(int c, string part) => b.Own(new CellRef($"{name}.{part}", BlockLane[c], block));
        var l = new BlockLookup(Cell(0, "field"), Cell(1, "number"), Cell(2, "lo"), Cell(3, "hi"));
        b.Require($"{name}: field", l.Field - field);
        b.Require($"{name}: block", l.Number - number);
        return l;
    }
}

/// <summary>Filling context lookup lanes from a step's transaction and block.</summary>
public static class ContextLookupAssignment
{
    public static void Set(this StepContext step, TxLookup l, TxRecord tx, TxField field, int index = 0) =>
        step.Set(l, tx.Id, field, TxTable.ValueOf(tx, field, index), index);

    public static void Set(this StepContext step, TxLookup l, int txId, TxField field, (Crypto.Bn254.Fields.Fr Lo, Crypto.Bn254.Fields.Fr Hi) value, int index = 0)
    {
        step.Set(l.TxId, (ulong)txId);
        step.Set(l.Field, (ulong)field);
        step.Set(l.Index, (ulong)index);
        step.Set(l.Lo, value.Lo);
        step.Set(l.Hi, value.Hi);
    }

    public static void Set(this StepContext step, BlockLookup l, BlockRecord block, BlockField field)
    {
        var (lo, hi) = BlockTable.ValueOf(block, field);
        step.Set(l.Field, (ulong)field);
        step.Set(l.Number, block.Number);
        step.Set(l.Lo, lo);
        step.Set(l.Hi, hi);
    }
}
