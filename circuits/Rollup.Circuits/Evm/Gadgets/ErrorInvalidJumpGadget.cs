using System.Numerics;
using Rollup.Circuits.Evm.Math;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Execution;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>Error state invalid jump: JUMP (or JUMPI with a non-zero condition) to a destination that is not a JUMPDEST
/// instruction of the code. It reads the destination (and JUMPI's condition), then the call ends.
/// <para>In the code: dest_hi = 0 (a zero test) and dest_lo &lt; length (dest_lo − length borrows; the difference is
/// 16 range-checked bytes), where length comes from the bytecode table's row of this very step (code id, pc, opcode).
/// The destination's row (code id, dest, byte, is_code) is looked up masked by in-code: the lookup cells must equal
/// in-code × (code id, dest), so outside the code they are zeros and can only hit the table's all-zero row (no code has
/// id 0), which forces byte and is_code to 0 as well. The destination is a JUMPDEST iff byte = 0x5b (a zero test on
/// byte − 0x5b) and is_code = 1; that product must be 0. JUMPI: its condition is not zero (the limbs' zero tests are not
/// both 1).</para></summary>
public sealed class ErrorInvalidJumpGadget(bool conditional) : IErrorGadget
{
    private static readonly Fr TwoTo128 = Fr.FromBigInteger(BigInteger.One << 128);

    public ExecutionState State => conditional ? ExecutionState.ErrorInvalidJumpI : ExecutionState.ErrorInvalidJump;
    public IReadOnlyList<byte> Opcodes => [];
    private byte Opcode => conditional ? (byte)0x57 : (byte)0x56;
    public bool Handles(ZkStep step) => step.Halt == ExitReason.InvalidJump && step.Opcode == Opcode;

    private CellRef _length = null!, _borrow = null!, _inCode = null!, _codeId = null!, _dest = null!, _byte = null!, _isCode = null!, _isJumpDest = null!;
    private CellRef[] _difference = [];
    private ComparisonZeroTest _destHighZero = null!, _notJumpDestByte = null!;
    private ComparisonZeroTest? _conditionLo, _conditionHi;
    private Tables.BytecodeTable _table = null!;
    private Column _stepColumn = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require($"opcode is {(conditional ? "JUMPI" : "JUMP")}", b.Cur(StepField.Opcode) - Opcode);
        var dest = b.StackPop(1);
        var code = b.Config.Bytecode;
        _table = code;
        _stepColumn = b.Config.Step;

        _length = b.Cell("code length");
        b.Lookup("code length from this step's code row", [b.Cur(StepField.CodeId), b.Cur(StepField.Pc), b.Cur(StepField.Opcode), _length],
            [code.CodeId.Cur, code.Index.Cur, code.Byte.Cur, code.CodeLength.Cur]);

        // dest_lo − length + 2^128·borrow = difference ∈ [0, 2^128): borrow = [dest_lo < length].
        _difference = Enumerable.Range(0, 16).Select(i => b.ByteCell($"dest_lo - length byte {i}")).ToArray();
        Expression difference = _difference[15];
        for (int i = 14; i >= 0; i--) difference = difference * 256 + _difference[i];
        _borrow = b.Cell("dest_lo < length");
        b.Require("dest_lo - length borrows", dest.ValueLo - _length + _borrow.Expr * Expression.Constant(TwoTo128) - difference);
        b.Require("borrow is a bit", _borrow * (1 - (Expression)_borrow));
        _destHighZero = new ComparisonZeroTest(b, "dest high limb", dest.ValueHi);
        _inCode = b.Cell("dest is inside the code");
        b.Require("inside the code iff dest_hi = 0 and dest_lo < length", _inCode - _destHighZero.IsZero.Expr * _borrow);

        // The destination's row, masked by in-code.
        _codeId = b.Cell("masked code id");
        _dest = b.Cell("masked dest");
        _byte = b.Cell("byte at dest");
        _isCode = b.Cell("is_code at dest");
        b.Require("masked code id", _codeId - _inCode.Expr * b.Cur(StepField.CodeId));
        b.Require("masked dest", _dest - _inCode.Expr * dest.ValueLo);
        b.Lookup("the destination's code row", [_codeId, _dest, _byte, _isCode], [code.CodeId.Cur, code.Index.Cur, code.Byte.Cur, code.IsCode.Cur]);
        _notJumpDestByte = new ComparisonZeroTest(b, "byte at dest - 0x5b", _byte.Expr - 0x5b);
        _isJumpDest = b.Cell("dest is a JUMPDEST instruction");
        b.Require("JUMPDEST instruction = [byte = 0x5b]·is_code", _isJumpDest - _notJumpDestByte.IsZero.Expr * _isCode);
        b.Require("the destination is not a JUMPDEST instruction", _isJumpDest);

        if (conditional)
        {
            var condition = b.StackPop(2);
            _conditionLo = new ComparisonZeroTest(b, "condition low limb", condition.ValueLo);
            _conditionHi = new ComparisonZeroTest(b, "condition high limb", condition.ValueHi);
            b.Require("the condition is not zero", _conditionLo.IsZero.Expr * _conditionHi.IsZero);
        }
        b.EndTransition(gasCost: b.Cur(StepField.Gas), reverts: true); // an exceptional halt consumes the call's gas and undoes its writes
    }

    public void Assign(StepContext step)
    {
        var dest = step.Rw[0].Value;
        var code = CodeRows.Find(step, _table, _stepColumn);
        long length = code.Length;
        var destLo = dest.ToBigInteger() & ((BigInteger.One << 128) - 1);
        var difference = (destLo - length + (BigInteger.One << 128)) & ((BigInteger.One << 128) - 1);
        var differenceBytes = Core.Numerics.UInt256.FromBigInteger(difference).ToBigEndian();
        for (int i = 0; i < 16; i++) step.Set(_difference[i], differenceBytes[31 - i]);
        step.Set(_length, (ulong)length);
        bool below = destLo < length;
        step.Set(_borrow, below ? 1UL : 0UL);
        _destHighZero.Assign(step, Witness.Words.Hi(dest));
        bool inCode = below && Witness.Words.Hi(dest).Equals(Fr.Zero);
        step.Set(_inCode, inCode ? 1UL : 0UL);

        var (opAt, isCode) = inCode ? code.At((int)destLo) : (Fr.Zero, Fr.Zero);
        step.Set(_codeId, inCode ? code.Id : Fr.Zero);
        step.Set(_dest, inCode ? Fr.FromUInt64((ulong)destLo) : Fr.Zero);
        step.Set(_byte, opAt);
        step.Set(_isCode, isCode);
        var byteMinusJumpDest = opAt - Fr.FromUInt64(0x5b);
        _notJumpDestByte.Assign(step, byteMinusJumpDest);
        step.Set(_isJumpDest, byteMinusJumpDest.Equals(Fr.Zero) && isCode.Equals(Fr.One) ? 1UL : 0UL);

        if (conditional)
        {
            var condition = step.Rw[1].Value;
            _conditionLo!.Assign(step, Witness.Words.Lo(condition));
            _conditionHi!.Assign(step, Witness.Words.Hi(condition));
        }
    }

    /// <summary>This step's code in the (already assigned) bytecode table: its rows are consecutive, index 0 first.</summary>
    private sealed record CodeRows(Fr Id, int FirstRow, long Length, Tables.BytecodeTable Table, StepContext Step)
    {
        public (Fr Byte, Fr IsCode) At(int index) => (Step.Read(Table.Byte, FirstRow + index), Step.Read(Table.IsCode, FirstRow + index));

        public static CodeRows Find(StepContext step, Tables.BytecodeTable table, Column stepColumn)
        {
            var id = step.Read(stepColumn, step.Row + (int)StepField.CodeId);
            for (int r = 0; r < step.Rows; r++)
                if (step.Read(table.CodeId, r).Equals(id) && step.Read(table.Index, r).Equals(Fr.Zero))
                    return new CodeRows(id, r, (long)step.Read(table.CodeLength, r).ToBigInteger(), table, step);
            throw new InvalidOperationException("the step's code is not in the bytecode table");
        }
    }
}
