using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>One step of the EVM circuit's witness: the state it executes, the traced step (null for padding), and its
/// read/write entries.</summary>
public sealed record EvmStep(ExecutionState State, ZkStep? Step, IReadOnlyList<RwEntry> Rw, Fr CodeId)
{
    /// <summary>The transaction the step belongs to (1-based), its table record and its block.</summary>
    public int TxId { get; init; }
    public Tables.TxRecord? Tx { get; init; }
    public Tables.BlockRecord? Block { get; init; }

    /// <summary>The call's reversion fields at this step (<see cref="StepField.ReversibleWrites"/>, …); for the step
    /// that starts a call, the call's (its first instruction's) persistence and end of reversion.</summary>
    public int ReversibleWrites { get; init; }
    public bool IsPersistent { get; init; } = true;
    public long EndOfReversion { get; init; }

    /// <summary>For the step that ends a failed call: the log's undo of the call's writes, which follows the step's own
    /// accesses in its counter range (each entry is looked up by the write it undoes, not by a slot of this step).</summary>
    public IReadOnlyList<RwEntry> Undo { get; init; } = [];

    /// <summary>Witness data a gadget needs beyond the trace step and its accesses (an EXP iteration's operands).</summary>
    public object? Extra { get; init; }
}

/// <summary>The EVM circuit: the step framework (flags, step state, read/write slots, byte cells, the opcode fetch) and
/// the gadgets. Steps tile the rows from 0 in blocks of <see cref="EvmCircuitConfig.Height"/>; the last block is a
/// padding step that every earlier step's transition can lead into.</summary>
public sealed class EvmCircuit
{
    public EvmCircuitConfig Config { get; }
    public IReadOnlyList<IGadget> Gadgets { get; }
    public Column QLast { get; }
    private readonly Dictionary<ExecutionState, GadgetBuilder> _builders = [];

    public EvmCircuit(ConstraintSystem cs, EvmCircuitConfig config, IReadOnlyList<IGadget> gadgets)
    {
        Config = config;
        Gadgets = gadgets;
        QLast = cs.Selector("evm_q_last");
        var q = config.QStep.Cur;

        // Flags: booleans, exactly one set per step.
        var flagPolys = new List<(string, Expression)>();
        var states = Enum.GetValues<ExecutionState>();
        Expression sum = Expression.Constant(0);
        foreach (var s in states)
        {
            var f = config.Flag(s);
            flagPolys.Add(($"flag {s} is a bit", q * f * (1 - f)));
            sum += f;
        }
        flagPolys.Add(("exactly one execution state", q * (sum - 1)));
        flagPolys.Add(("the last step is padding", QLast.Cur * (1 - config.Flag(ExecutionState.Padding))));
        cs.Gate("evm step", flagPolys.ToArray());

        // Every read/write slot that is enabled is a row of the RW table; enabled is a bit.
        cs.Gate("evm rw slot enabled is a bit", config.Slots.Enabled.Cur * (1 - config.Slots.Enabled.Cur));
        // Matched against the table's active flag too: only rows the state circuit proves can answer.
        cs.Lookup("evm rw slot in the rw table", config.Slots.Enabled.Cur,
            config.Slots.Fields.Select(c => c.Cur).Prepend(Expression.Constant(1)).ToArray(),
            config.RwTable.Columns.Select(c => c.Cur).Prepend(config.RwTable.Active.Cur).ToArray());

        // A failed call's writes are undone: each reversible write's undo (same cell, value and previous value swapped,
        // at the counter the gadget pins) is a row of the table too. Every undo counter lies in the block the halting step
        // reserves, one per reversible write, so together with the table's N rows the undo block is exactly these.
        var slots = config.Slots;
        cs.Gate("evm undo enabled is a bit", slots.UndoEnabled.Cur * (1 - slots.UndoEnabled.Cur));
        cs.Lookup("evm undo of a reversible write in the rw table", slots.UndoEnabled.Cur,
            [Expression.Constant(1), slots.UndoCounter.Cur, Expression.Constant(1), slots.Tag.Cur, slots.Id.Cur, slots.Address.Cur,
             slots.KeyLo.Cur, slots.KeyHi.Cur, slots.PrevLo.Cur, slots.PrevHi.Cur, slots.ValueLo.Cur, slots.ValueHi.Cur,
             slots.CommittedLo.Cur, slots.CommittedHi.Cur, slots.TxId.Cur],
            config.RwTable.Columns.Select(c => c.Cur).Prepend(config.RwTable.Active.Cur).ToArray());

        // Gas left is a u64 on every step (its 8 bytes recombine to it; the other rows of the column are zero), so a step
        // whose cost exceeds its gas cannot lead to a valid next step.
        Expression gasFromBytes = Expression.Constant(0);
        for (int i = EvmCircuitConfig.GasByteCount - 1; i >= 0; i--) gasFromBytes = gasFromBytes * 256 + config.GasBytes.At(i);
        var gasPolys = new List<(string, Expression)> { ("gas left is its 8 bytes", (q + QLast.Cur) * (config.Field(StepField.Gas) - gasFromBytes)) };
        for (int i = EvmCircuitConfig.GasByteCount; i < EvmCircuitConfig.Height; i++)
            gasPolys.Add(($"gas byte row {i} is unused", (q + QLast.Cur) * config.GasBytes.At(i)));
        cs.Gate("evm gas left is a u64", gasPolys.ToArray());
        cs.Lookup("evm gas bytes are bytes", null, [config.GasBytes.Cur], [config.ByteTable.Column.Cur]);

        // Byte cells are bytes: two columns per grouped lookup (degree 4, within the circuit's budget).
        for (int i = 0; i < config.Bytes.Length; i += 2)
            cs.LookupGroup($"{config.Bytes[i].Name} and {config.Bytes[i + 1].Name} are bytes",
                [(null, [config.Bytes[i].Cur]), (null, [config.Bytes[i + 1].Cur])], [config.ByteTable.Column.Cur]);

        // The opcode of every executing step is the code's byte at pc.
        var code = config.Bytecode;
        cs.Lookup("evm opcode fetch", q * (1 - config.Flag(ExecutionState.Padding)),
            [config.Field(StepField.CodeId), config.Field(StepField.Pc), config.Field(StepField.Opcode)],
            [code.CodeId.Cur, code.Index.Cur, code.Byte.Cur]);

        // Gadgets: each gate is the gadget's constraints times the step selector and its flag.
        foreach (var gadget in gadgets)
        {
            var b = new GadgetBuilder(config, cs, gadget);
            gadget.Configure(b);
            b.Finish();
            _builders[gadget.State] = b;
            var flag = config.Flag(gadget.State);
            cs.Gate(gadget.State.ToString(), b.Constraints.Select(c => (c.Name, q * flag * c.Polynomial)).ToArray());
        }
        config.Lanes.DeclareLookups();
    }

    /// <summary>The cells and slots a gadget owns (for soundness tests).</summary>
    public GadgetBuilder BuilderOf(ExecutionState state) => _builders[state];

    /// <summary>How many steps fit in 2^k rows (the last one is the padding sink).</summary>
    public static int Capacity(int k) => (1 << k) / EvmCircuitConfig.Height;

    /// <summary>Fills the step grid: the traced steps, then padding up to the last block; and the tagged table the
    /// gadgets' lanes look into.</summary>
    public void Assign(Assignment a, IReadOnlyList<EvmStep> steps)
    {
        Config.Lanes.Table?.Assign(a);
        int capacity = Capacity(a.K);
        if (steps.Count > capacity - 1) throw new InvalidOperationException($"{steps.Count} steps do not fit in 2^{a.K} rows ({capacity - 1} usable)");
        var last = steps.Count > 0 ? steps[^1] : null;
        for (int s = 0; s < capacity; s++)
        {
            int row = s * EvmCircuitConfig.Height;
            a.Assign(s == capacity - 1 ? QLast : Config.QStep, row, 1UL);
            var step = s < steps.Count ? steps[s] : new EvmStep(ExecutionState.Padding, null, [], Fr.Zero);
            AssignStep(a, row, step, s < steps.Count ? null : last);
        }
    }

    private static bool IsTransactionStep(ExecutionState s) =>
        s is ExecutionState.BeginTx or ExecutionState.BeginTxCall or ExecutionState.BeginTxTransfer or ExecutionState.EndTx;

    private void AssignStep(Assignment a, int row, EvmStep step, EvmStep? lastReal)
    {
        // Flag.
        int f = (int)step.State;
        a.Assign(Config.Flags[f / EvmCircuitConfig.Height], row + f % EvmCircuitConfig.Height, 1UL);

        // Step state; padding repeats the state the execution ended in.
        var source = step.Step ?? lastReal?.Step;
        if (source is not null)
        {
            long rwAfter = lastReal is null ? source.RwCounter : source.RwCounter + lastReal.Rw.Count;
            a.Assign(Config.Step, row + (int)StepField.Pc, (ulong)source.Pc);
            a[Config.Step, row + (int)StepField.Gas] = Witness.Words.Of(source.GasLeft);
            for (int i = 0; i < EvmCircuitConfig.GasByteCount; i++)
                a.Assign(Config.GasBytes, row + i, (ulong)(source.GasLeft >> (8 * i)) & 0xff);
            a.Assign(Config.Step, row + (int)StepField.StackSize, (ulong)source.StackPointer);
            // The circuit counts accesses from 1 (RwTable.Row).
            a.Assign(Config.Step, row + (int)StepField.RwCounter, (ulong)(step.Step is null ? rwAfter : source.RwCounter) + 1);
            a.Assign(Config.Step, row + (int)StepField.CallId, (ulong)source.CallId);
            a.Assign(Config.Step, row + (int)StepField.MemorySize, source.MemorySize);
            a.Assign(Config.Step, row + (int)StepField.Opcode, source.Opcode);
            a[Config.Step, row + (int)StepField.CodeId] = step.Step is null ? lastReal!.CodeId : step.CodeId;
            a.Assign(Config.Step, row + (int)StepField.TxId, (ulong)(step.Step is null ? lastReal!.TxId : step.TxId));
            // A transaction's own steps (its start and end) are outside any call: their reversion fields are zero.
            if (!IsTransactionStep(step.State))
            {
                a.Assign(Config.Step, row + (int)StepField.ReversibleWrites, (ulong)step.ReversibleWrites);
                a.Assign(Config.Step, row + (int)StepField.IsPersistent, step.IsPersistent ? 1UL : 0UL);
                a.Assign(Config.Step, row + (int)StepField.EndOfReversion, (ulong)step.EndOfReversion);
            }
        }
        // A failed call's reversible writes point at their undo entries.
        if (!step.IsPersistent)
            foreach (var r in _builders[step.State].ReversibleWrites)
            {
                if (r.Slot >= step.Rw.Count) continue; // a conditional write the step did not make
                a.Assign(Config.Slots.UndoEnabled, row + r.Slot, 1UL);
                a.Assign(Config.Slots.UndoCounter, row + r.Slot, (ulong)(step.EndOfReversion - ((r.OfNextStep ? 0 : step.ReversibleWrites) + r.Index)));
            }

        // Read/write slots mirror the step's entries in order.
        var slots = Config.Slots;
        for (int j = 0; j < step.Rw.Count; j++)
        {
            var values = Tables.RwTable.Row(step.Rw[j]);
            a.Assign(slots.Enabled, row + j, 1UL);
            for (int c = 0; c < values.Length; c++) a[slots.Fields[c], row + j] = values[c];
        }

        Gadgets.First(g => g.State == step.State).Assign(new StepContext(a, row, step.Step, step.Rw) { Tx = step.Tx, Block = step.Block, Extra = step.Extra });
    }
}
