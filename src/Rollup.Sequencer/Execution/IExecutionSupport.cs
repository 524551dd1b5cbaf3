using Rollup.Evm.Tracing.Zk;

namespace Rollup.Sequencer.Execution;

/// <summary>What the prover can prove, asked of a zk trace: null when every step has an execution state with a gadget,
/// otherwise why not ("opcode KECCAK256 at pc 5 has no gadget yet"). The sequencer uses it, when configured
/// (exclude-unprovable), to keep transactions the prover would refuse out of its batches; the implementation lives with
/// the circuits (Rollup.Proving's GadgetSupport), which the sequencer does not reference.</summary>
public interface IExecutionSupport
{
    string? Unsupported(ZkTrace trace);
}
