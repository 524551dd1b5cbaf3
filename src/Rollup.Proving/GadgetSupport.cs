using Rollup.Circuits.Evm;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Rollup.Sequencer.Execution;

namespace Rollup.Proving;

/// <summary>The batch circuit's gadgets (<see cref="BatchCircuit.Opcodes"/>: every gadget there is) as the sequencer's
/// admission check (exclude-unprovable): every step's opcode must have a gadget (CALL, CREATE, LOG, KECCAK256, the
/// copies, … have none yet and are refused by name), every exceptional halt an error state, and execution must stay in
/// the root call (nested calls and creates have none). A subset of what the witness builder refuses, checkable on a
/// call's trace alone.</summary>
public sealed class GadgetSupport : IExecutionSupport
{
    private readonly HashSet<byte> _opcodes;
    private readonly IReadOnlyList<IErrorGadget> _errors;

    public GadgetSupport()
    {
        var gadgets = new BatchCircuit(BatchCircuit.DefaultK).Circuit.Evm.Gadgets;
        _opcodes = gadgets.SelectMany(g => g.Opcodes).ToHashSet();
        _errors = gadgets.OfType<IErrorGadget>().ToList();
    }

    public string? Unsupported(ZkTrace trace)
    {
        foreach (var step in trace.Steps)
        {
            string name = OpcodeMetadata.Name(step.Opcode);
            if (step.CallId != 1) return $"opcode {name} at pc {step.Pc} runs in a nested call, which has no gadget yet";
            if (step.Halt.IsExceptional())
            {
                if (!_errors.Any(g => g.Handles(step))) return $"opcode {name} at pc {step.Pc} halts with {step.Halt}, which has no error state yet";
            }
            else if (!_opcodes.Contains(step.Opcode)) return $"opcode {name} at pc {step.Pc} has no gadget yet";
        }
        return null;
    }
}
