using Rollup.Circuits.Tables;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>What a gadget declares in <see cref="IGadget.Configure"/>: it allocates named cells from the step grid,
/// claims read/write slots, states constraints (the framework multiplies each by the step selector and the gadget's
/// flag) and lookups, and the step transition. Everything declared is remembered, so the witness side and the
/// soundness tests know which cells the gadget owns.</summary>
public sealed class GadgetBuilder
{
    private readonly EvmCircuitConfig _config;
    private readonly ConstraintSystem _cs;
    private int _nextCell, _nextByte, _nextSlot, _nextLane;
    private readonly List<(string Name, Expression Polynomial)> _constraints = [];
    private readonly List<CellRef> _cells = [];
    private readonly List<RwSlot> _slots = [];
    private bool _transitionDeclared;
    /// <summary>Slots declared with <see cref="SlotIf"/> that are off on a given step (Σ (1 − enabled)); 0 if none.</summary>
    private Expression _slotsOff = Expression.Constant(0);
    private readonly List<ReversibleWrite> _reversible = [];

    /// <summary>A write a failed call undoes: slot <paramref name="Slot"/> is the call's <paramref name="Index"/>-th
    /// reversible write counted from the step's <see cref="StepField.ReversibleWrites"/> (or, for a step that starts the
    /// call, from 0 with the next step's reversion fields).</summary>
    internal readonly record struct ReversibleWrite(int Slot, int Index, bool OfNextStep);

    internal GadgetBuilder(EvmCircuitConfig config, ConstraintSystem cs, IGadget gadget)
    {
        _config = config;
        _cs = cs;
        Gadget = gadget;
    }

    public IGadget Gadget { get; }
    public EvmCircuitConfig Config => _config;
    public Expression Flag => _config.Flag(Gadget.State);
    public Expression Cur(StepField f) => _config.Field(f);
    public Expression Next(StepField f) => _config.Field(f, next: true);
    /// <summary>Lookups into the transaction and block tables.</summary>
    public ContextLookups Context => _config.Context;

    /// <summary>A cell the gadget owns outside the generic grid (a context lookup lane, …): remembered for soundness tests.</summary>
    public CellRef Own(CellRef cell)
    {
        _cells.Add(cell);
        return cell;
    }

    internal IReadOnlyList<(string Name, Expression Polynomial)> Constraints => _constraints;
    internal IReadOnlyList<CellRef> OwnedCells => _cells;
    internal IReadOnlyList<RwSlot> Slots => _slots;
    internal IReadOnlyList<ReversibleWrite> ReversibleWrites => _reversible;

    /// <summary>Where the <paramref name="index"/>-th generic cell (or byte cell) of any gadget lies, <paramref name="steps"/>
    /// steps away: for a gadget that hands values to a known gadget's cells on the next step.</summary>
    public CellRef CellAt(string name, int index, int steps = 0) =>
        new(name, _config.Cells[index % EvmCircuitConfig.CellColumns], index / EvmCircuitConfig.CellColumns + steps * EvmCircuitConfig.Height);

    public CellRef ByteCellAt(string name, int index, int steps = 0) =>
        new(name, _config.Bytes[index % EvmCircuitConfig.ByteColumns], index / EvmCircuitConfig.ByteColumns + steps * EvmCircuitConfig.Height);

    /// <summary>A generic cell of the step.</summary>
    public CellRef Cell(string name)
    {
        int i = _nextCell++;
        if (i >= EvmCircuitConfig.CellColumns * EvmCircuitConfig.Height)
            throw new InvalidOperationException($"{Gadget.State}: out of generic cells");
        var cell = new CellRef(name, _config.Cells[i % EvmCircuitConfig.CellColumns], i / EvmCircuitConfig.CellColumns);
        _cells.Add(cell);
        return cell;
    }

    /// <summary>A cell holding a byte (range-checked against the byte table).</summary>
    public CellRef ByteCell(string name)
    {
        int i = _nextByte++;
        if (i >= EvmCircuitConfig.ByteColumns * EvmCircuitConfig.Height)
            throw new InvalidOperationException($"{Gadget.State}: out of byte cells");
        var cell = new CellRef(name, _config.Bytes[i % EvmCircuitConfig.ByteColumns], i / EvmCircuitConfig.ByteColumns);
        _cells.Add(cell);
        return cell;
    }

    /// <summary>A word as 32 range-checked bytes (little-endian).</summary>
    public WordBytes Word(string name) => new(Enumerable.Range(0, 32).Select(i => ByteCell($"{name}[{i}]")).ToArray());

    /// <summary>A lookup lane cell: (x, y, z) cells with (x, y, z) a row of <paramref name="table"/>. The lane's tag cell
    /// is pinned to the table's tag here. Lanes a gadget does not take need no constraint: whatever they hold is some
    /// table row, and nothing reads it. The lanes grow to hold the cells the hungriest gadget takes.</summary>
    public LaneCells Lane(string name, SubTable table)
    {
        var lanes = _config.Lanes;
        int i = _nextLane++;
        lanes.EnsureCell(i);
        var (lane, rotation) = lanes.Place(i);
        var tag = new CellRef($"{name}.tag", lanes.Tag[lane], rotation);
        int tagValue = lanes.Table!.TagOf(table);
        var cells = new LaneCells(tagValue, tag,
            new CellRef($"{name}.x", lanes.X[lane], rotation),
            new CellRef($"{name}.y", lanes.Y[lane], rotation),
            new CellRef($"{name}.z", lanes.Z[lane], rotation));
        _cells.AddRange([cells.Tag, cells.X, cells.Y, cells.Z]);
        Require($"{name} looks up {table.Name}", tag.Expr - tagValue);
        return cells;
    }

    /// <summary>The next read/write slot; enabled, with counter = step counter + index.</summary>
    public RwSlot Slot()
    {
        int j = _nextSlot++;
        if (j >= EvmCircuitConfig.Height) throw new InvalidOperationException($"{Gadget.State}: more than {EvmCircuitConfig.Height} accesses");
        var slot = new RwSlot(_config.Slots, j);
        _slots.Add(slot);
        Require($"slot {j} is enabled", slot.Enabled - 1);
        Require($"slot {j} counter", slot.Counter - (Cur(StepField.RwCounter) + j));
        Require($"slot {j} belongs to the step's transaction", slot.TxId - Cur(StepField.TxId));
        return slot;
    }

    /// <summary>The next read/write slot, enabled exactly when <paramref name="enabled"/> (an expression the gadget
    /// proves to be 0 or 1) is 1: for steps whose number of accesses depends on their data (an unaligned memory access
    /// touches two words). Enabled, its counter is the step counter plus its index; disabled, every field is zero, so no
    /// cell of it is left free. Optional slots come after all unconditional ones (the witness puts a step's entries on
    /// consecutive rows), and the step transition counts only the enabled ones.</summary>
    public RwSlot SlotIf(Expression enabled)
    {
        int j = _nextSlot++;
        if (j >= EvmCircuitConfig.Height) throw new InvalidOperationException($"{Gadget.State}: more than {EvmCircuitConfig.Height} accesses");
        var slot = new RwSlot(_config.Slots, j);
        _slots.Add(slot);
        Require($"slot {j} is enabled when its condition holds", slot.Enabled - enabled);
        Require($"slot {j} counter (when enabled)", enabled * (slot.Counter - (Cur(StepField.RwCounter) + j)));
        Require($"slot {j} belongs to the step's transaction (when enabled)", enabled * (slot.TxId - Cur(StepField.TxId)));
        int f = 0;
        foreach (var (column, rotation) in slot.Cells.Skip(1))
            Require($"slot {j} field {f++} is zero when disabled", (1 - enabled) * column.At(rotation));
        _slotsOff += 1 - enabled;
        return slot;
    }

    /// <summary>A stack slot access: the <paramref name="depth"/>-th item from the top before the step (1 = top), or for a
    /// write, the position <paramref name="depth"/> counts from the step's stack size downwards (0 = a new top).</summary>
    public RwSlot Stack(bool write, int depth)
    {
        var slot = Slot();
        Require($"slot {slot.Index} is a stack {(write ? "write" : "read")}", slot.IsWrite - (write ? 1 : 0));
        Require($"slot {slot.Index} tag", slot.Tag - RwSlot.TagValue(RwTag.Stack));
        Require($"slot {slot.Index} call id", slot.Id - Cur(StepField.CallId));
        Require($"slot {slot.Index} address", slot.Address);
        Require($"slot {slot.Index} key", slot.KeyLo - (Cur(StepField.StackSize) - depth));
        Require($"slot {slot.Index} key high", slot.KeyHi);
        if (!write)
        {
            Require($"slot {slot.Index} read keeps the value (lo)", slot.PrevLo - slot.ValueLo);
            Require($"slot {slot.Index} read keeps the value (hi)", slot.PrevHi - slot.ValueHi);
        }
        return slot;
    }

    public RwSlot StackPop(int depth) => Stack(write: false, depth);

    /// <summary>A write to the item that will be <paramref name="positionFromNewTop"/> below the top after the step
    /// (0 = the top), given the step's net stack change.</summary>
    public RwSlot StackPush(int positionFromNewTop, int stackDelta) => Stack(write: true, -(stackDelta - 1 - positionFromNewTop));

    /// <summary>Marks a state write the current call's failure undoes (zkevm-circuits' reversible writes): if the call
    /// is not persistent, the log holds its undo (the same cell, value and previous value swapped) at counter
    /// end-of-reversion − (reversible writes so far + index), which this slot's undo cells look up. For a step that
    /// starts the call (<paramref name="ofNextStep"/>), the call's reversion fields are the next step's and the writes
    /// count from 0. A write the step makes only sometimes (a <see cref="SlotIf"/> slot) passes its condition
    /// <paramref name="when"/> and must come after the step's unconditional ones. Writes must be marked in the order
    /// they happen.</summary>
    public void Reversible(RwSlot write, bool ofNextStep = false, Expression? when = null)
    {
        int k = _reversible.Count(r => r.OfNextStep == ofNextStep);
        if (_reversibleWhen.Count > 0 && when is null) throw new InvalidOperationException($"{Gadget.State}: a conditional reversible write must come last");
        _reversible.Add(new ReversibleWrite(write.Index, k, ofNextStep));
        if (when is not null) _reversibleWhen.Add(when);
        var slots = _config.Slots;
        _cells.Add(new CellRef($"slot {write.Index} undo enabled", slots.UndoEnabled, write.Index));
        _cells.Add(new CellRef($"slot {write.Index} undo counter", slots.UndoCounter, write.Index));
        var persistent = ofNextStep ? Next(StepField.IsPersistent) : Cur(StepField.IsPersistent);
        var end = ofNextStep ? Next(StepField.EndOfReversion) : Cur(StepField.EndOfReversion);
        var before = ofNextStep ? Expression.Constant(0) : Cur(StepField.ReversibleWrites);
        var enabled = slots.UndoEnabled.At(write.Index);
        var counter = slots.UndoCounter.At(write.Index);
        Require($"slot {write.Index} undo: looked up exactly when the call fails", enabled - (1 - persistent) * (when ?? Expression.Constant(1)));
        Require($"slot {write.Index} undo: counter", enabled * (counter - (end - (before + k))));
        Require($"slot {write.Index} undo: no counter when not looked up", (1 - enabled) * counter);
    }

    private readonly List<Expression> _reversibleWhen = [];

    /// <summary>The reversible writes this step makes (for the transition).</summary>
    private Expression ReversibleInStep =>
        _reversibleWhen.Aggregate(Expression.Constant(_reversible.Count(r => !r.OfNextStep) - _reversibleWhen.Count), (acc, w) => acc + w);

    public void Require(string name, Expression polynomial) => _constraints.Add((name, polynomial));

    /// <summary>A lookup active on this gadget's steps.</summary>
    public void Lookup(string name, Expression[] inputs, Expression[] table) =>
        _cs.Lookup($"{Gadget.State}: {name}", _config.QStep.Cur * Flag, inputs, table);

    /// <summary>Declares the step transition: the next step's state from this one's.</summary>
    /// <param name="gasCost">Gas the step consumes.</param>
    /// <param name="stackDelta">Net change of the stack size.</param>
    /// <param name="nextPc">The next pc (default: pc + 1).</param>
    public void Transition(Expression gasCost, int stackDelta, Expression? nextPc = null, Expression? nextMemorySize = null)
    {
        _transitionDeclared = true;
        Require("transition: pc", Next(StepField.Pc) - (nextPc ?? Cur(StepField.Pc) + 1));
        Require("transition: gas", Next(StepField.Gas) - (Cur(StepField.Gas) - gasCost));
        Require("transition: stack size", Next(StepField.StackSize) - (Cur(StepField.StackSize) + stackDelta));
        Require("transition: rw counter", Next(StepField.RwCounter) - (Cur(StepField.RwCounter) + _nextSlot - _slotsOff));
        Require("transition: call id", Next(StepField.CallId) - Cur(StepField.CallId));
        Require("transition: memory size", Next(StepField.MemorySize) - (nextMemorySize ?? Cur(StepField.MemorySize)));
        Require("transition: code id", Next(StepField.CodeId) - Cur(StepField.CodeId));
        Require("transition: tx id", Next(StepField.TxId) - Cur(StepField.TxId));
        RequireReversionCarriesOn();
    }

    private void RequireReversionCarriesOn()
    {
        Require("transition: reversible writes", Next(StepField.ReversibleWrites) - (Cur(StepField.ReversibleWrites) + ReversibleInStep));
        Require("transition: is persistent", Next(StepField.IsPersistent) - Cur(StepField.IsPersistent));
        Require("transition: end of reversion", Next(StepField.EndOfReversion) - Cur(StepField.EndOfReversion));
    }

    /// <summary>For a step that ends the execution it belongs to (STOP, RETURN, …): only the read/write counter carries
    /// on; whatever comes next (the end of the transaction, padding) sets its own state. A step that can end a
    /// transaction's root call passes its <paramref name="gasCost"/>, so the end of the transaction gets the gas left,
    /// and whether the call fails (<paramref name="reverts"/>: REVERT and the error states). A failing end checks the
    /// call's persistence claim was 0 and reserves the undo block right after its own accesses, one entry per
    /// reversible write the call made, its own included (each write's undo lookup lands in it); a successful end checks
    /// the claim was 1.
    /// Padding passes neither.</summary>
    public void EndTransition(Expression? gasCost = null, bool? reverts = null)
    {
        _transitionDeclared = true;
        var after = Cur(StepField.RwCounter) + _nextSlot - _slotsOff;
        if (reverts == true)
        {
            // The block undoes the call's earlier writes and the halting step's own (an SLOAD out of gas has warmed its slot).
            var undo = Cur(StepField.ReversibleWrites) + ReversibleInStep;
            Require("end: the call was not persistent", Cur(StepField.IsPersistent));
            Require("end: the undo block ends at the end of reversion", Cur(StepField.EndOfReversion) - (after + undo - 1));
            Require("transition: rw counter", Next(StepField.RwCounter) - (after + undo));
        }
        else
        {
            if (reverts == false) Require("end: the call was persistent", 1 - Cur(StepField.IsPersistent));
            Require("transition: rw counter", Next(StepField.RwCounter) - after);
        }
        Require("transition: tx id", Next(StepField.TxId) - Cur(StepField.TxId));
        if (gasCost is not null) Require("transition: gas", Next(StepField.Gas) - (Cur(StepField.Gas) - gasCost));
    }

    /// <summary>For steps that set the next step's state themselves (the begin and end of a transaction): only the
    /// read/write counter advances by the framework's rule; the gadget states every other field of the next step.</summary>
    public void OwnTransition()
    {
        _transitionDeclared = true;
        Require("transition: rw counter", Next(StepField.RwCounter) - (Cur(StepField.RwCounter) + _nextSlot - _slotsOff));
    }

    /// <summary>Called by the framework after Configure: slots the gadget did not claim are disabled.</summary>
    internal void Finish()
    {
        if (!_transitionDeclared) throw new InvalidOperationException($"{Gadget.State} declares no step transition");
        for (int j = _nextSlot; j < EvmCircuitConfig.Height; j++)
            Require($"slot {j} is disabled", _config.Slots.Enabled.At(j));
        for (int j = 0; j < EvmCircuitConfig.Height; j++)
        {
            if (_reversible.Any(r => r.Slot == j)) continue;
            Require($"slot {j} has no undo", _config.Slots.UndoEnabled.At(j));
            Require($"slot {j} has no undo counter", _config.Slots.UndoCounter.At(j));
        }
    }
}
