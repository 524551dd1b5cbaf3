using Rollup.Circuits.Evm;
using Rollup.Circuits.Tables;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Execution;
using Rollup.Evm.Tracing.Zk;

namespace Rollup.Circuits.Witness;

/// <summary>One transaction of a batch: its table record, its block, and the zk trace of its execution.</summary>
public sealed record TracedTx(TxRecord Tx, BlockRecord Block, ZkTrace Trace);

/// <summary>Turns a batch's zk traces into EVM-circuit steps. Per transaction: its start (<see cref="ExecutionState.BeginTx"/>,
/// <see cref="ExecutionState.BeginTxCall"/>) owns the accesses the transaction processor makes before the first
/// instruction, each instruction becomes a step of the gadget for its opcode with its own accesses, and
/// <see cref="ExecutionState.EndTx"/> owns the accesses after the last one. Nothing in the trace is dropped: the
/// circuit's accesses are the trace's, in order, numbered on from one transaction to the next.
/// <para>The trace's ids become the circuit's: account fields and storage are global (id 0); access lists, the refund
/// counter and transient storage belong to the transaction (its id); stack, memory and call context to the call, whose
/// id is the counter of its first context write (unique). The refund counter is read once at the end (the tracer logs
/// only its writes), with the value of its last write. Shapes with no gadget yet (creates, access lists, calls to
/// accounts without code, nested calls, opcodes without a gadget) are refused with a message naming them.</para></summary>
public static class EvmWitnessBuilder
{
    public sealed class UnsupportedStepException(string message) : Exception(message);

    /// <summary>Accesses the start of a call to code makes before its first instruction (two steps of 16).</summary>
    public const int CallPreludeAccesses = 32;

    /// <summary>Accesses a plain transfer makes: its start (16 + 15: no code hash read for a code id), the success flag,
    /// the sender's and the coinbase's credits.</summary>
    public const int TransferAccesses = 34;

    /// <summary>The code id of code with this hash: the hash as a field element (lo + hi·2^128), as BeginTxCall binds it.</summary>
    public static Fr CodeIdOf(in UInt256 codeHash) => Words.Lo(codeHash) + Words.Hi(codeHash) * Evm.Math.WordAddition.TwoTo128;

    /// <summary>Context fields an opcode's gadget reads before its own accesses. The tracer logs a call's context only
    /// where it is written (at entry); these reads, of values written then, are added at the start of the step.</summary>
    public static readonly IReadOnlyDictionary<byte, CallContextField[]> ContextReads = new Dictionary<byte, CallContextField[]>
    {
        [0x47] = [CallContextField.CalleeAddress], // SELFBALANCE
        [0x54] = [CallContextField.CalleeAddress], // SLOAD
        [0x5c] = [CallContextField.CalleeAddress], // TLOAD
        [0x5d] = [CallContextField.CalleeAddress, CallContextField.IsStatic], // TSTORE
        [0x55] = [CallContextField.CalleeAddress, CallContextField.IsStatic], // SSTORE
        [0x35] = [CallContextField.CallDataLength], // CALLDATALOAD
    };

    public static List<EvmStep> Build(IReadOnlyList<TracedTx> txs, IReadOnlyList<IGadget> gadgets)
    {
        var byOpcode = new Dictionary<byte, ExecutionState>();
        foreach (var g in gadgets)
            foreach (var op in g.Opcodes) byOpcode[op] = g.State;
        var steps = new List<EvmStep>();
        int next = 0;
        var errorGadgets = gadgets.OfType<IErrorGadget>().ToList();
        foreach (var t in txs) next = Append(steps, t with { Tx = t.Tx with { BatchSize = txs.Count } }, byOpcode, errorGadgets, next);
        return steps;
    }

    private static int Append(List<EvmStep> steps, TracedTx t, Dictionary<byte, ExecutionState> byOpcode, IReadOnlyList<IErrorGadget> errorGadgets, int next)
    {
        var (tx, block, trace) = t;
        string where = $"transaction {tx.Id} (block {block.Number})";
        bool transfer = trace.Steps.Count == 0;
        if (transfer ? trace.Rw.Count != TransferAccesses : trace.Steps[0].RwCounter != CallPreludeAccesses)
            throw new UnsupportedStepException($"{where}: only calls and transfers with no access list (to an existing account, or with value) have a begin-transaction gadget yet");
        // A value sent to an account that does not exist creates it: its code hash goes from zero to the empty code's
        // without a logged write (the tracer's gap), so the log would read two values with no write between them.
        if (trace.Rw[19].Tag == RwTag.Account && trace.Rw[19].Value.IsZero)
            throw new UnsupportedStepException($"{where}: a transfer to an account that does not exist yet (its creation is not in the trace)");
        int contextStart = transfer ? 23 : 24;   // the trace's first context write
        int callId = next + contextStart + 1;     // the circuit's counter (from 1) of that write

        RwEntry Renumber(RwEntry e, int counter)
        {
            int id = e.Tag switch
            {
                RwTag.Account or RwTag.Storage => 0,
                RwTag.AccessListAccount or RwTag.AccessListStorage or RwTag.TxRefund or RwTag.TransientStorage => tx.Id,
                _ when e.Id == 1 => callId,
                _ => throw new UnsupportedStepException($"{where}: an access of call {e.Id}: nested calls have no gadget yet"),
            };
            return e with { RwCounter = counter, Id = id, TxId = tx.Id };
        }
        List<RwEntry> Range(int from, int count, int counter) =>
            Enumerable.Range(0, count).Select(i => Renumber(trace.Rw[from + i], counter + i)).ToList();
        // The root call's context as BeginTxCall wrote it (trace entries 24..31, by field).
        RwEntry ContextRead(CallContextField field, int counter)
        {
            var written = trace.Rw[contextStart + (int)field - 1];
            return new RwEntry(counter, false, RwTag.CallContext, callId, default, written.Key, written.Value, written.Value, default) { TxId = tx.Id };
        }
        EvmStep Synthetic(ExecutionState state, List<RwEntry> rw, int counter) =>
            new(state, new ZkStep { RwCounter = counter, RwCount = rw.Count }, rw, Fr.Zero)
            { TxId = tx.Id, Tx = tx, Block = block };

        steps.Add(Synthetic(ExecutionState.BeginTx, Range(0, 16, next), next));
        if (transfer)
        {
            steps.Add(Synthetic(ExecutionState.BeginTxTransfer, Range(16, 15, next + 16), next + 16));
            long gas = (long)(tx.GasLimit - 21_000 - tx.CallDataGasCost);
            return AppendEnd(steps, t, 31, next + 31, gas, callId, Renumber);
        }
        // The call's steps are kept aside until its end is known: each carries whether the call persists and, if it
        // fails, where its undo block ends.
        var callSteps = new List<EvmStep> { Synthetic(ExecutionState.BeginTxCall, Range(16, 16, next + 16), next + 16) };
        var codeId = CodeIdOf(trace.Rw[23].Value);
        next += CallPreludeAccesses;
        int reversible = BeginTxCallReversibleWrites;

        int expected = CallPreludeAccesses;
        int index = -1;
        foreach (var step in trace.Steps)
        {
            index++;
            // A step that halts exceptionally is proven by its error state, not by its opcode's gadget.
            ExecutionState state;
            IErrorGadget? error = null;
            if (step.Halt.IsExceptional())
                state = (error = errorGadgets.FirstOrDefault(g => g.Handles(step))
                    ?? throw new UnsupportedStepException($"{where}: opcode {Rollup.Evm.Instructions.OpcodeMetadata.Name(step.Opcode)} at pc {step.Pc} halts with {step.Halt}, which has no error state yet")).State;
            else if (!byOpcode.TryGetValue(step.Opcode, out state))
                throw new UnsupportedStepException($"{where}: opcode {Rollup.Evm.Instructions.OpcodeMetadata.Name(step.Opcode)} at pc {step.Pc} has no gadget yet");
            if (step.RwCount < 0) throw new InvalidOperationException($"{where}: step at pc {step.Pc} never closed its accesses");
            if (step.RwCount > EvmCircuitConfig.Height)
                throw new UnsupportedStepException($"{where}: {Rollup.Evm.Instructions.OpcodeMetadata.Name(step.Opcode)} at pc {step.Pc} makes {step.RwCount} accesses, more than a step holds: its copy has no circuit yet");
            if (step.RwCounter != expected || step.CallId != 1)
                throw new UnsupportedStepException($"{where}: accesses between steps before pc {step.Pc}: calls and creates have no gadget yet");
            expected = step.RwCounter + step.RwCount;
            // A step that halts exceptionally gets the context reads its error state asks for, not its opcode's.
            var reads = error is not null ? error.ContextReads.ToArray() : ContextReads.GetValueOrDefault(step.Opcode, []);
            var rw = reads.Select((f, i) => ContextRead(f, next + i)).Concat(Range(step.RwCounter, step.RwCount, next + reads.Length)).ToList();
            var renumbered = new ZkStep
            {
                Pc = step.Pc, Opcode = step.Opcode, GasLeft = step.GasLeft, GasCost = step.GasCost, Depth = step.Depth, CallId = callId,
                StackPointer = step.StackPointer, MemorySize = step.MemorySize, RwCounter = next, RwCount = rw.Count, Halt = step.Halt,
            };
            callSteps.Add(new EvmStep(state, renumbered, rw, codeId) { TxId = tx.Id, Tx = tx, Block = block, ReversibleWrites = reversible });
            reversible += rw.Count(IsReversible);
            next += rw.Count;
            if (state == ExecutionState.Exp)
                AppendExpIterations(callSteps, renumbered, rw, codeId, next, reversible, tx, block,
                    index + 1 < trace.Steps.Count ? trace.Steps[index + 1] : throw new UnsupportedStepException($"{where}: EXP is the call's last step"));
        }

        // A failed call's writes are undone in the log right after its halting step, newest first: that undo block
        // belongs to the halting step's counter range (the circuit proves each entry undoes one reversible write).
        int undo = trace.Rw.Count - expected - EndAccesses;
        bool persistent = undo >= 0 && expected + undo < trace.Rw.Count && !trace.Rw[expected + undo].Value.IsZero; // the success flag
        if (undo < 0 || (persistent ? undo != 0 : undo != reversible))
            throw new UnsupportedStepException($"{where}: the failed call's log undoes {undo} writes, but it made {reversible} reversible writes");
        var undone = Range(expected, undo, next);
        long endOfReversion = next + undo; // the circuit's counter (from 1) of the block's last entry
        for (int i = 0; i < callSteps.Count; i++)
        {
            var s = callSteps[i] with { IsPersistent = persistent, EndOfReversion = persistent ? 0 : endOfReversion };
            steps.Add(i == callSteps.Count - 1 ? s with { Undo = undone } : s);
        }
        next += undo;

        var last = trace.Steps[^1];
        // An exceptional halt consumes the call's gas; anything else hands the rest to the end of the transaction.
        return AppendEnd(steps, t, expected + undo, next, last.Halt.IsExceptional() ? 0 : last.GasLeft - last.GasCost, callId, Renumber);
    }

    /// <summary>An EXP with an exponent of 2 or more is followed by its multiplications (<see cref="Evm.Gadgets.ExpIterationGadget"/>),
    /// each a step in the state of the next instruction (the EXP step already moved it there).</summary>
    private static void AppendExpIterations(List<EvmStep> steps, ZkStep exp, List<RwEntry> rw, Fr codeId, int next, int reversible, TxRecord tx, BlockRecord block,
        ZkStep following)
    {
        var (@base, exponent, result) = (rw[0].Value, rw[1].Value, rw[2].Value);
        if (exponent <= UInt256.One) return;
        // The next instruction's state, as the trace has it (so a trace that lies about it fails at the EXP step).
        var state = new ZkStep
        {
            Pc = following.Pc, Opcode = following.Opcode, GasLeft = following.GasLeft, GasCost = 0, Depth = exp.Depth, CallId = exp.CallId,
            StackPointer = following.StackPointer, MemorySize = following.MemorySize, RwCounter = next, RwCount = 0,
        };
        foreach (var w in Evm.Gadgets.ExpIterationGadget.Schedule(@base, exponent, result))
            steps.Add(new EvmStep(ExecutionState.ExpIteration, state, [], codeId)
                { TxId = tx.Id, Tx = tx, Block = block, ReversibleWrites = reversible, Extra = w });
    }

    /// <summary>Writes a failed call undoes: the value transfer that starts the root call (BeginTxCall's debit and
    /// credit), then every state write of its instructions.</summary>
    private const int BeginTxCallReversibleWrites = 2;

    /// <summary>Accesses the trace holds after a call's last instruction (and its undo block): the success flag, the
    /// sender's and the coinbase's credits.</summary>
    private const int EndAccesses = 3;

    private static bool IsReversible(RwEntry e) => e.IsWrite && e.Tag is RwTag.Storage or RwTag.TransientStorage or RwTag.Account
        or RwTag.AccessListAccount or RwTag.AccessListStorage or RwTag.TxRefund;

    /// <summary>The end of the transaction from trace entry <paramref name="from"/>: the root call's success flag, then
    /// the sender's and the coinbase's credits; the refund counter's read goes after the flag.</summary>
    private static int AppendEnd(List<EvmStep> steps, TracedTx t, int from, int next, long gasLeft, int callId, Func<RwEntry, int, RwEntry> renumber)
    {
        var (tx, block, trace) = t;
        if (trace.Rw.Count - from != EndAccesses || trace.Rw[from].Tag != RwTag.CallContext)
            throw new UnsupportedStepException($"transaction {tx.Id}: {trace.Rw.Count - from} accesses after the last instruction and its undo block, expected {EndAccesses}");
        var refund = trace.Rw.LastOrDefault(e => e.Tag == RwTag.TxRefund && e.IsWrite).Value;
        var end = new List<RwEntry>
        {
            renumber(trace.Rw[from], next),
            new(next + 1, false, RwTag.TxRefund, tx.Id, default, default, refund, refund, default) { TxId = tx.Id },
            renumber(trace.Rw[from + 1], next + 2),
            renumber(trace.Rw[from + 2], next + 3),
        };
        steps.Add(new EvmStep(ExecutionState.EndTx, new ZkStep { GasLeft = gasLeft, CallId = callId, RwCounter = next, RwCount = end.Count }, end, Fr.Zero)
            { TxId = tx.Id, Tx = tx, Block = block });
        return next + end.Count;
    }

    /// <summary>The read/write entries the steps made, in counter order (what the RW table must hold).</summary>
    public static List<RwEntry> AccessesOf(IEnumerable<EvmStep> steps) => steps.SelectMany(s => s.Rw.Concat(s.Undo)).ToList();
}
