using Rollup.Circuits.Evm;
using Rollup.Crypto.Bn254.Fields;
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

        var steps = new List<EvmStep>();
        foreach (var step in trace.Steps)
        {
            if (!byOpcode.TryGetValue(step.Opcode, out var state))
                throw new UnsupportedStepException($"opcode {Rollup.Evm.Instructions.OpcodeMetadata.Name(step.Opcode)} at pc {step.Pc} (call {step.CallId}) has no gadget yet");
            if (step.RwCount < 0) throw new InvalidOperationException($"step at pc {step.Pc} never closed its accesses");
            var rw = trace.Rw.GetRange(step.RwCounter, step.RwCount);
            steps.Add(new EvmStep(state, step, rw, codeIdOf(step.CallId)));
        }
        return steps;
    }

    /// <summary>The read/write entries the steps made, in counter order (what the RW table must hold).</summary>
    public static List<RwEntry> AccessesOf(IEnumerable<EvmStep> steps) => steps.SelectMany(s => s.Rw).ToList();
}
