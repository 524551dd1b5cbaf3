using System.Numerics;
using Rollup.Circuits.Evm.Math;
using Rollup.Circuits.Tables;
using Rollup.Core.Numerics;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>Error state out of gas on memory expansion, for the memory gadgets' opcodes: MLOAD, MSTORE, MSTORE8 (3 gas,
/// an access of 32, 32 and 1 bytes at the popped offset) and RETURN, REVERT (no static gas, the popped offset and
/// length; a zero length touches no memory). The step reads its stack inputs (the trace logs them; MLOAD has one, the
/// others two, the second on an optional slot) and proves static + C(new) − C(cur) &gt; gas left, C the memory cost.
/// <para>Offsets can be any word, so the cost is computed exactly only for a <i>near</i> access, offset and length below
/// 2^48 (the limbs' bytes 6 … 15 and their high limbs zero): the end ⌈(offset + length) / 32⌉ words, below 2^44 + 1.
/// A <i>far</i> access ends at 2^48 bytes or more, at least <see cref="FarWords"/> words, whose cost alone is above
/// 2^77 while the gas left is a u64: the state charges it for the bound words instead of the real end. Since C grows
/// with the words, the bound's cost is at most the real one, and it already exceeds the gas. The memory before the step
/// is below 2^33 words (every successful step's offsets are below 2^37), so a far access always expands it.</para>
/// <para>The opcode is one of the five by a one-hot choice (Σ bitᵢ·opcodeᵢ = opcode, the bits summing to 1). Whether
/// the gas suffices for the static cost is not asked: below it, the step is out of gas all the same.</para></summary>
public sealed class ErrorOutOfGasMemoryGadget : IErrorGadget
{
    /// <summary>MLOAD, MSTORE, MSTORE8, RETURN, REVERT.</summary>
    private static readonly byte[] Family = [0x51, 0x52, 0x53, 0xf3, 0xfd];
    private const int LowBytes = 6;
    /// <summary>The words a far access (2^48 bytes or more) needs at least.</summary>
    public const long FarWords = 1L << 43;

    public ExecutionState State => ExecutionState.ErrorOutOfGasMemory;
    public IReadOnlyList<byte> Opcodes => [];
    public IReadOnlyList<byte> HaltingOpcodes => Family;

    public bool Handles(ZkStep step) =>
        step.Halt == ExitReason.OutOfGas && Family.Contains(step.Opcode) && step.GasLeft >= StaticGas(step.Opcode);

    private static long StaticGas(byte opcode) => InstructionTable.For(OpcodeTable.Fork).Entries[opcode].StaticGas;

    private CellRef[] _is = [], _offset = [], _length = [], _words = [];
    private CellRef _lengthHi = null!, _remainder = null!, _remainderRoom = null!;
    private CellRef _nearOffset = null!, _nearLength = null!, _near = null!, _lengthZero = null!, _boundedEnd = null!, _charged = null!;
    private ComparisonZeroTest _offsetHi = null!, _offsetTop = null!, _lengthHiZero = null!, _lengthTop = null!, _lengthLoZero = null!;
    private SmallRange _itemsExist = null!;
    private MemoryExpansion _expansion = null!;
    private GasShortfall _shortfall = null!;

    public void Configure(GadgetBuilder b)
    {
        // Which of the five: one-hot bits.
        _is = Family.Select(op => b.Cell($"opcode is {OpcodeMetadata.Name(op)}")).ToArray();
        Expression sum = Expression.Constant(0), opcode = Expression.Constant(0);
        for (int i = 0; i < Family.Length; i++)
        {
            b.Require($"opcode is {OpcodeMetadata.Name(Family[i])}: a bit", _is[i] * (1 - (Expression)_is[i]));
            sum += _is[i];
            opcode += (Expression)_is[i] * Family[i];
        }
        b.Require("exactly one opcode of the family", sum - 1);
        b.Require("the step's opcode is the chosen one", b.Cur(StepField.Opcode) - opcode);
        Expression isMload = _is[0], fixedSize = _is[0] + (Expression)_is[1] + _is[2], returns = _is[3] + (Expression)_is[4];

        // Inputs: the offset; the value (MSTORE, MSTORE8) or the length (RETURN, REVERT) when there are two.
        var size = b.Cur(StepField.StackSize);
        _itemsExist = SmallRange.Declare(b, "stack size - inputs", size - 2 + isMload);
        var offset = b.StackPop(1);
        var second = b.SlotIf(1 - isMload);
        StackAccess.AccessWhen(b, second, 1 - isMload, "the second input", write: false, RwTag.Stack, size - 2);

        // The offset's low limb in bytes; near = bytes 6..15 and the high limb zero.
        _offset = ByteCells.Allocate(b, "offset", 16);
        b.Require("offset low limb is its bytes", offset.ValueLo - ByteCells.Compose(_offset));
        _offsetHi = new ComparisonZeroTest(b, "offset high limb", offset.ValueHi);
        _offsetTop = new ComparisonZeroTest(b, "offset bytes 6..15", Sum(_offset, LowBytes));
        _nearOffset = b.Cell("offset below 2^48");
        b.Require("offset below 2^48 = both zero", _nearOffset - _offsetHi.IsZero.Expr * _offsetTop.IsZero);

        // The length: 32 (MLOAD, MSTORE), 1 (MSTORE8) or the popped one (RETURN, REVERT).
        _length = ByteCells.Allocate(b, "length", 16);
        _lengthHi = b.Cell("length high limb");
        b.Require("length low limb", ByteCells.Compose(_length) - (returns * second.ValueLo + 32 * (_is[0] + (Expression)_is[1]) + _is[2]));
        b.Require("length high limb", _lengthHi - returns * second.ValueHi);
        _lengthHiZero = new ComparisonZeroTest(b, "length high limb", _lengthHi);
        _lengthTop = new ComparisonZeroTest(b, "length bytes 6..15", Sum(_length, LowBytes));
        _lengthLoZero = new ComparisonZeroTest(b, "length low limb", Sum(_length, 0));
        _nearLength = b.Cell("length below 2^48");
        b.Require("length below 2^48 = both zero", _nearLength - _lengthHiZero.IsZero.Expr * _lengthTop.IsZero);
        _lengthZero = b.Cell("length is zero");
        b.Require("length is zero = both limbs zero", _lengthZero - _lengthHiZero.IsZero.Expr * _lengthLoZero.IsZero);
        _near = b.Cell("near access");
        b.Require("near = offset and length below 2^48", _near - _nearOffset.Expr * _nearLength);

        // End words of the low parts: low offset + low length + 31 = 32·words + r, 0 ≤ r ≤ 31 (r and 31 − r bytes).
        _words = ByteCells.Allocate(b, "end words", LowBytes);
        _remainder = b.ByteCell("end + 31 mod 32");
        _remainderRoom = b.ByteCell("31 - (end + 31 mod 32)");
        b.Require("end + 31 = 32·words + r",
            ByteCells.Compose(_offset, 0, LowBytes) + ByteCells.Compose(_length, 0, LowBytes) + 31 - (ByteCells.Compose(_words) * 32 + _remainder));
        b.Require("r is at most 31", _remainderRoom - (31 - (Expression)_remainder));
        _boundedEnd = b.Cell("end words, far ones bounded");
        b.Require("end words: exact when near, the far bound otherwise",
            _boundedEnd - (_near.Expr * ByteCells.Compose(_words) + (1 - (Expression)_near) * FarWords));
        _charged = b.Cell("end words charged");
        b.Require("end words charged: none for a zero length", _charged - (1 - (Expression)_lengthZero) * _boundedEnd);

        _expansion = MemoryExpansion.DeclareWide(b, _charged);
        _shortfall = GasShortfall.Require(b, 3 * fixedSize + _expansion.Gas, bytes: 10);
        b.EndTransition(gasCost: b.Cur(StepField.Gas), reverts: true); // an exceptional halt consumes the call's gas and undoes its writes
    }

    private static Expression Sum(CellRef[] bytes, int from)
    {
        Expression s = Expression.Constant(0);
        for (int i = from; i < bytes.Length; i++) s += bytes[i];
        return s;
    }

    public void Assign(StepContext step)
    {
        var s = step.Step!;
        int which = Array.IndexOf(Family, s.Opcode);
        for (int i = 0; i < Family.Length; i++) step.Set(_is[i], i == which ? 1UL : 0UL);
        bool mload = which == 0, returns = which >= 3;
        _itemsExist.Assign(step, s.StackPointer - (mload ? 1 : 2));

        var offset = step.Rw[0].Value;
        var length = returns ? step.Rw[1].Value : new UInt256(which == 2 ? 1UL : 32UL);
        var offsetLo = Lo(offset);
        var lengthLo = Lo(length);
        ByteCells.Set(step, _offset, offsetLo);
        ByteCells.Set(step, _length, lengthLo);
        step.Set(_lengthHi, Witness.Words.Hi(length));
        _offsetHi.Assign(step, Witness.Words.Hi(offset));
        _offsetTop.Assign(step, Rollup.Crypto.Bn254.Fields.Fr.FromBigInteger(ByteSum(offsetLo, LowBytes)));
        _lengthHiZero.Assign(step, Witness.Words.Hi(length));
        _lengthTop.Assign(step, Rollup.Crypto.Bn254.Fields.Fr.FromBigInteger(ByteSum(lengthLo, LowBytes)));
        _lengthLoZero.Assign(step, Rollup.Crypto.Bn254.Fields.Fr.FromBigInteger(ByteSum(lengthLo, 0)));
        bool nearOffset = offset < (UInt256.One << 48), nearLength = length < (UInt256.One << 48), near = nearOffset && nearLength;
        step.Set(_nearOffset, nearOffset ? 1UL : 0UL);
        step.Set(_nearLength, nearLength ? 1UL : 0UL);
        step.Set(_near, near ? 1UL : 0UL);
        step.Set(_lengthZero, length.IsZero ? 1UL : 0UL);

        var mask = (BigInteger.One << (8 * LowBytes)) - 1;
        var end = (offsetLo & mask) + (lengthLo & mask) + 31;
        ByteCells.Set(step, _words, end / 32);
        step.Set(_remainder, (ulong)(end % 32));
        step.Set(_remainderRoom, (ulong)(31 - end % 32));
        ulong bounded = near ? (ulong)(end / 32) : (ulong)FarWords;
        ulong charged = length.IsZero ? 0 : bounded;
        step.Set(_boundedEnd, bounded);
        step.Set(_charged, charged);
        _expansion.Assign(step, charged);

        ulong current = s.MemorySize / 32, after = System.Math.Max(current, charged);
        var cost = (which <= 2 ? 3 : 0) + Cost(after) - Cost(current);
        _shortfall.Assign(step, cost);
    }

    private static BigInteger Lo(in UInt256 w) => w.ToBigInteger() & ((BigInteger.One << 128) - 1);

    private static BigInteger ByteSum(BigInteger value, int from)
    {
        BigInteger s = 0;
        for (int i = from; i < 16; i++) s += (value >> (8 * i)) & 0xff;
        return s;
    }

    /// <summary>C(x) = 3x + ⌊x²/512⌋ without overflow for the bound's 2^43 words.</summary>
    private static BigInteger Cost(ulong words) => 3 * (BigInteger)words + (BigInteger)words * words / 512;
}
