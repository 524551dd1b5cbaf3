using Rollup.Circuits.Evm;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Execution;
using Rollup.Evm.Tracing.Zk;

namespace Rollup.Circuits.Witness;

/// <summary>Turns a zk trace into EVM-circuit steps: each traced instruction becomes a step of the gadget for its opcode,
/// with the read/write entries the instruction made. An instruction no gadget handles is refused with a message
/// naming it (the batch then stays unproven).</summary>
public static class EvmWitnessBuilder
{
    public sealed class UnsupportedStepException(string message) : Exception(message);

    /// <param name="codeIdOf">The code id a call executes (by the trace's call id).</param>
    public static List<EvmStep> Build(ZkTrace trace, IReadOnlyList<IGadget> gadgets, Func<int, Fr> codeIdOf)
    {
        var byOpcode = new Dictionary<byte, ExecutionState>();
        foreach (var g in gadgets)
            foreach (var op in g.Opcodes) byOpcode[op] = g.State;

        // Until the begin/end-of-transaction and call gadgets own the accesses made outside instructions (the call
        // context written on entry, the sender's nonce and balance, the success flag on exit), the witness keeps only
        // the instructions' own accesses and numbers them 0..N−1 in order (the circuit adds one). The constraints then
        // bind exactly these accesses; a gap inside the steps (a nested call's entry) is refused rather than skipped.
        var steps = new List<EvmStep>();
        int next = 0, expected = trace.Steps.Count > 0 ? trace.Steps[0].RwCounter : 0;
        var errorGadgets = gadgets.OfType<IErrorGadget>().ToList();
        foreach (var step in trace.Steps)
        {
            // A step that halts exceptionally is proven by its error state, not by its opcode's gadget.
            ExecutionState state;
            if (step.Halt.IsExceptional())
                state = (errorGadgets.FirstOrDefault(g => g.Handles(step))
                    ?? throw new UnsupportedStepException($"opcode {Rollup.Evm.Instructions.OpcodeMetadata.Name(step.Opcode)} at pc {step.Pc} (call {step.CallId}) halts with {step.Halt}, which has no error state yet")).State;
            else if (!byOpcode.TryGetValue(step.Opcode, out state))
                throw new UnsupportedStepException($"opcode {Rollup.Evm.Instructions.OpcodeMetadata.Name(step.Opcode)} at pc {step.Pc} (call {step.CallId}) has no gadget yet");
            if (step.RwCount < 0) throw new InvalidOperationException($"step at pc {step.Pc} never closed its accesses");
            if (step.RwCount > EvmCircuitConfig.Height)
                throw new UnsupportedStepException($"{Rollup.Evm.Instructions.OpcodeMetadata.Name(step.Opcode)} at pc {step.Pc} (call {step.CallId}) makes {step.RwCount} accesses, more than a step holds: its copy has no circuit yet");
            if (step.RwCounter != expected)
                throw new UnsupportedStepException($"accesses between steps before pc {step.Pc} (call {step.CallId}): calls and creates have no gadget yet");
            expected = step.RwCounter + step.RwCount;
            int shift = step.RwCounter - next;
            var rw = trace.Rw.GetRange(step.RwCounter, step.RwCount).Select(e => e with { RwCounter = e.RwCounter - shift }).ToList();
            steps.Add(new EvmStep(state, Renumbered(step, next), rw, codeIdOf(step.CallId)));
            next += step.RwCount;
        }
        return steps;
    }

    private static ZkStep Renumbered(ZkStep s, int rwCounter) => new()
    {
        Pc = s.Pc, Opcode = s.Opcode, GasLeft = s.GasLeft, GasCost = s.GasCost, Depth = s.Depth, CallId = s.CallId,
        StackPointer = s.StackPointer, MemorySize = s.MemorySize, RwCounter = rwCounter, RwCount = s.RwCount,
        Halt = s.Halt,
    };

    /// <summary>The read/write entries the steps made, in counter order (what the RW table must hold).</summary>
    public static List<RwEntry> AccessesOf(IEnumerable<EvmStep> steps) => steps.SelectMany(s => s.Rw).ToList();
}
