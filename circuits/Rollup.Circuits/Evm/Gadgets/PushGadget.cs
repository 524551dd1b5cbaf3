using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>PUSH0 … PUSH32: writes the immediate (the bytecode table's push value at this pc) to a new top of stack and
/// moves pc past it. n = opcode − 0x5f bytes of immediate; PUSH0 costs 2 gas, the others 3.</summary>
public sealed class PushGadget : IGadget
{
    public ExecutionState State => ExecutionState.Push;
    public IReadOnlyList<byte> Opcodes => Enumerable.Range(0x5f, 33).Select(i => (byte)i).ToArray();

    private CellRef _above = null!, _below = null!, _isPush0 = null!, _inverse = null!;

    public void Configure(GadgetBuilder b)
    {
        var opcode = b.Cur(StepField.Opcode);
        var n = opcode - 0x5f;

        // 0x5f ≤ opcode ≤ 0x7f: both distances are bytes (a negative one would wrap to a huge field element).
        _above = b.ByteCell("opcode - 0x5f");
        _below = b.ByteCell("0x7f - opcode");
        b.Require("opcode - 0x5f", _above - n);
        b.Require("0x7f - opcode", _below - (0x7f - opcode));

        // PUSH0 (n = 0) is the one without an immediate: an is-zero gadget on n.
        _isPush0 = b.Cell("is PUSH0");
        _inverse = b.Cell("inverse of n");
        b.Require("is PUSH0 = 1 - n·inverse", _isPush0 - (1 - n * _inverse));
        b.Require("n·is PUSH0 = 0", n * _isPush0);
        b.Require("the inverse is zero for PUSH0 (no free cell)", _inverse.Expr * _isPush0);

        var pushed = b.StackPush(0, stackDelta: 1);
        var code = b.Config.Bytecode;
        b.Lookup("push value from the code", [b.Cur(StepField.CodeId), b.Cur(StepField.Pc), opcode, pushed.ValueLo, pushed.ValueHi],
            [code.CodeId.Cur, code.Index.Cur, code.Byte.Cur, code.PushLo.Cur, code.PushHi.Cur]);
        b.Transition(gasCost: 3 - (Expression)_isPush0, stackDelta: 1, nextPc: b.Cur(StepField.Pc) + 1 + n);
    }

    public void Assign(StepContext step)
    {
        int opcode = step.Step!.Opcode, n = opcode - 0x5f;
        step.Set(_above, (ulong)n);
        step.Set(_below, (ulong)(0x7f - opcode));
        step.Set(_isPush0, n == 0 ? 1UL : 0UL);
        step.Set(_inverse, n == 0 ? Fr.Zero : Fr.FromUInt64((ulong)n).Inverse());
    }
}
