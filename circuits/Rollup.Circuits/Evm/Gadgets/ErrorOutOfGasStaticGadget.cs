using Rollup.Circuits.Tables;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>Error state out of gas, for the static part of the cost (what the interpreter charges before the instruction
/// runs): a defined opcode whose stack check passes (the interpreter checks the stack first), with gas left below its
/// static cost c. c − 1 − gas is two bytes (c ≤ 32,000, so a false claim would make it negative, far beyond 2^16); the
/// stack check is size − n ≥ 0 and 1024 − (size − n + m) ≥ 0, each two bytes. The step reads nothing and ends the call.
/// Running out of gas on a dynamic cost, with the static cost paid, is another state (ErrorOutOfGasMemory, …Sload,
/// …Sstore, …Exp), which the step reaches with its inputs read.</summary>
public sealed class ErrorOutOfGasStaticGadget : IErrorGadget
{
    public ExecutionState State => ExecutionState.ErrorOutOfGasStatic;
    public IReadOnlyList<byte> Opcodes => [];

    public bool Handles(ZkStep step) =>
        step.Halt == ExitReason.OutOfGas && step.GasLeft < InstructionTable.For(OpcodeTable.Fork).Entries[step.Opcode].StaticGas;

    private LaneCells _gas = null!, _stack = null!;
    private CellRef[] _shortfall = [], _inputs = [], _room = [];

    public void Configure(GadgetBuilder b)
    {
        var opcode = b.Cur(StepField.Opcode);
        var size = b.Cur(StepField.StackSize);
        _gas = b.Lane("opcode static gas", OpcodeTable.Gas);
        _stack = b.Lane("opcode stack inputs and outputs", OpcodeTable.Stack);
        b.Require("the gas row is the step's opcode", _gas.X - opcode);
        b.Require("the stack row is the step's opcode", _stack.X - opcode);
        b.Require("the opcode is defined", _gas.Z.Expr - 1);

        Expression TwoBytes(string name, out CellRef[] cells)
        {
            cells = [b.ByteCell($"{name} (low byte)"), b.ByteCell($"{name} (high byte)")];
            return cells[0].Expr + cells[1].Expr * 256;
        }
        b.Require("gas left < static cost", TwoBytes("cost - 1 - gas", out _shortfall) - (_gas.Y.Expr - 1 - b.Cur(StepField.Gas)));
        b.Require("no stack underflow", TwoBytes("size - needs", out _inputs) - (size - _stack.Y));
        b.Require("no stack overflow", TwoBytes("1024 - (size - needs + leaves)", out _room) - (1024 - (size - _stack.Y + _stack.Z)));
        b.EndTransition(gasCost: b.Cur(StepField.Gas), reverts: true); // an exceptional halt consumes the call's gas and undoes its writes
    }

    public void Assign(StepContext step)
    {
        var s = step.Step!;
        var info = InstructionTable.For(OpcodeTable.Fork).Entries[s.Opcode];
        ref readonly var meta = ref OpcodeMetadata.Get(s.Opcode);
        step.Set(_gas, Fr.FromUInt64(s.Opcode), Fr.FromUInt64((ulong)info.StaticGas), Fr.One);
        step.Set(_stack, Fr.FromUInt64(s.Opcode), Fr.FromUInt64(meta.StackIn), Fr.FromUInt64(meta.StackOut));
        SetTwoBytes(step, _shortfall, info.StaticGas - 1 - s.GasLeft);
        SetTwoBytes(step, _inputs, s.StackPointer - meta.StackIn);
        SetTwoBytes(step, _room, 1024 - (s.StackPointer - meta.StackIn + meta.StackOut));
    }

    private static void SetTwoBytes(StepContext step, CellRef[] cells, long value)
    {
        step.Set(cells[0], (ulong)(value & 0xff));
        step.Set(cells[1], (ulong)(value >> 8));
    }
}
