using Rollup.Circuits.Tables;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>Error state: the opcode (the code's byte at pc, fetched by the framework) is not defined in the fork, INVALID
/// included. The opcode table's row for it must say "not defined"; the step reads nothing and ends the call.</summary>
public sealed class ErrorInvalidOpcodeGadget : IErrorGadget
{
    public ExecutionState State => ExecutionState.ErrorInvalidOpcode;
    public IReadOnlyList<byte> Opcodes => [];
    public bool Handles(ZkStep step) => step.Halt == ExitReason.InvalidOpcode;

    private LaneCells _properties = null!;

    public void Configure(GadgetBuilder b)
    {
        _properties = b.Lane("opcode properties", OpcodeTable.Gas);
        b.Require("the looked-up opcode is the step's", _properties.X - b.Cur(StepField.Opcode));
        b.Require("the opcode is not defined", _properties.Z);
        b.EndTransition(gasCost: b.Cur(StepField.Gas), reverts: true); // an exceptional halt consumes the call's gas and undoes its writes
    }

    /// <summary>The opcode's row of the table, as it is: for a defined opcode "not defined" then fails by name.</summary>
    public void Assign(StepContext step)
    {
        var info = InstructionTable.For(OpcodeTable.Fork).Entries[step.Step!.Opcode];
        step.Set(_properties, Fr.FromUInt64(step.Step.Opcode), Fr.FromUInt64((ulong)info.StaticGas), info.Defined ? Fr.One : Fr.Zero);
    }
}
