using Rollup.Circuits.Tables;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>Error states stack underflow and stack overflow: the opcode table gives the items the opcode needs (n) and
/// leaves (m). Underflow: size &lt; n, i.e. n − 1 − size is a byte (n ≤ 17 and size ≥ 0, so a false claim would make it
/// negative, a field element far beyond 255). Overflow: size − n + m &gt; 1,024, i.e. size − n + m − 1025 is a byte. The
/// step reads nothing and ends the call.</summary>
public sealed class ErrorStackGadget(bool overflow) : IErrorGadget
{
    public ExecutionState State => overflow ? ExecutionState.ErrorStackOverflow : ExecutionState.ErrorStackUnderflow;
    public IReadOnlyList<byte> Opcodes => [];
    public bool Handles(ZkStep step) => step.Halt == (overflow ? ExitReason.StackOverflow : ExitReason.StackUnderflow);

    private LaneCells _stack = null!;
    private CellRef _margin = null!;

    public void Configure(GadgetBuilder b)
    {
        _stack = b.Lane("opcode stack inputs and outputs", OpcodeTable.Stack);
        b.Require("the looked-up opcode is the step's", _stack.X - b.Cur(StepField.Opcode));
        var size = b.Cur(StepField.StackSize);
        _margin = b.ByteCell(overflow ? "size - needs + leaves - 1025" : "needs - 1 - size");
        b.Require(overflow ? "the stack would pass 1024 items" : "the stack holds fewer items than the opcode needs",
            _margin - (overflow ? size - _stack.Y + _stack.Z - 1025 : _stack.Y.Expr - 1 - size));
        b.EndTransition(gasCost: b.Cur(StepField.Gas), reverts: true); // an exceptional halt consumes the call's gas and undoes its writes
    }

    public void Assign(StepContext step)
    {
        var s = step.Step!;
        ref readonly var meta = ref OpcodeMetadata.Get(s.Opcode);
        step.Set(_stack, Fr.FromUInt64(s.Opcode), Fr.FromUInt64(meta.StackIn), Fr.FromUInt64(meta.StackOut));
        long margin = overflow ? s.StackPointer - meta.StackIn + meta.StackOut - 1025 : meta.StackIn - 1 - s.StackPointer;
        step.Set(_margin, (ulong)margin);
    }
}
