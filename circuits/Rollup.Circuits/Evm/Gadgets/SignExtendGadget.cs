using Rollup.Circuits.Evm.Math;
using Rollup.Core.Numerics;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>SIGNEXTEND (5 gas, pops b and x, one push): for b ≤ 30, the bytes of x above byte b become copies of the top
/// bit of byte b (0x00 or 0xff); for b ≥ 31 (any larger word) x is pushed unchanged.
/// <para>b and x are 32 byte cells. "b ≤ 30" is: b's bytes 1..31 sum to zero (<see cref="IsZeroWord"/> on that small
/// sum) and byte 0 + 225 = d + 256·ge with d a byte and ge a bit (ge = 1 exactly when byte 0 ≥ 31). Then
/// extend = small·(1 − ge), and one-hot bits e_0..e_30 select byte b: Σ e_i = extend and Σ i·e_i = byte0·extend.
/// The selected byte v = Σ e_i·x_i gives the sign bit s (<see cref="SignBit"/>; v = 0, so s = 0, when nothing is
/// selected). Byte i is kept when keep_i = 1 − Σ_(j&lt;i) e_j = 1, else replaced: result_i = keep_i·x_i +
/// (1 − keep_i)·255·s, a byte by construction, so the pushed word is canonical.</para></summary>
public sealed class SignExtendGadget : IGadget
{
    public ExecutionState State => ExecutionState.SignExtend;
    public IReadOnlyList<byte> Opcodes => [0x0b];

    private const int Selectable = 31; // b = 0..30 extends; b ≥ 31 leaves x as it is

    private WordBytes _index = null!, _value = null!;
    private IsZeroWord _indexBelow256 = null!;
    private CellRef _indexByteMinus31 = null!, _indexAtLeast31 = null!, _extends = null!, _selectedByte = null!;
    private CellRef[] _selects = [];
    private SignBit _sign = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is SIGNEXTEND", b.Cur(StepField.Opcode) - 0x0b);
        var index = b.StackPop(1);
        var value = b.StackPop(2);
        var written = b.StackPush(0, stackDelta: -1);
        _index = b.Word("b");
        _value = b.Word("x");
        b.Require("b low limb is its bytes", index.ValueLo - _index.Lo);
        b.Require("b high limb is its bytes", index.ValueHi - _index.Hi);
        b.Require("x low limb is its bytes", value.ValueLo - _value.Lo);
        b.Require("x high limb is its bytes", value.ValueHi - _value.Hi);

        // b ≤ 30 ⇔ bytes 1..31 of b are zero and byte 0 < 31.
        Expression upperBytes = Expression.Constant(0);
        for (int i = 1; i < 32; i++) upperBytes += _index.Bytes[i];
        _indexBelow256 = IsZeroWord.Configure(b, "b's bytes 1..31", upperBytes, Expression.Constant(0));
        _indexByteMinus31 = b.ByteCell("b's byte 0 + 225 mod 256");
        _indexAtLeast31 = b.Cell("b's byte 0 ≥ 31");
        Expression byte0 = _index.Bytes[0], ge = _indexAtLeast31;
        b.Require("b's byte 0 ≥ 31 is a bit", ge * (1 - ge));
        b.Require("b's byte 0 + 225 = d + 256·(byte 0 ≥ 31)", byte0 + 225 - _indexByteMinus31 - ge * 256);
        _extends = b.Cell("b ≤ 30");
        b.Require("b ≤ 30 = (b < 256)·(byte 0 < 31)", _extends - _indexBelow256.IsZero * (1 - ge));

        // One-hot selection of byte b.
        _selects = Enumerable.Range(0, Selectable).Select(i => b.Cell($"b = {i}")).ToArray();
        Expression count = Expression.Constant(0), position = Expression.Constant(0), selected = Expression.Constant(0);
        for (int i = 0; i < Selectable; i++)
        {
            b.Require($"b = {i} is a bit", _selects[i] * (1 - (Expression)_selects[i]));
            count += _selects[i];
            position += _selects[i].Expr * i;
            selected += _selects[i].Expr * _value.Bytes[i];
        }
        b.Require("one byte is selected exactly when b ≤ 30", count - _extends);
        b.Require("the selected byte is byte b", position - byte0 * _extends);
        _selectedByte = b.Cell("x's byte b");
        b.Require("x's byte b", _selectedByte - selected);
        _sign = SignBit.Configure(b, "x's byte b", _selectedByte);

        // Bytes up to b are kept, the ones above become 255·s.
        var result = new Expression[32];
        Expression selectedBelow = Expression.Constant(0);
        for (int i = 0; i < 32; i++)
        {
            var keep = 1 - selectedBelow;
            result[i] = keep * _value.Bytes[i] + (1 - keep) * _sign.Bit * 255;
            if (i < Selectable) selectedBelow += _selects[i];
        }
        b.Require("result low limb", written.ValueLo - Limb(result, 0));
        b.Require("result high limb", written.ValueHi - Limb(result, 16));
        b.Transition(gasCost: Expression.Constant(5), stackDelta: -1);
    }

    private static Expression Limb(Expression[] bytes, int from)
    {
        var acc = bytes[from + 15];
        for (int i = from + 14; i >= from; i--) acc = acc * 256 + bytes[i];
        return acc;
    }

    public void Assign(StepContext step)
    {
        var index = step.Rw[0].Value;
        var value = step.Rw[1].Value;
        step.Set(_index, index);
        step.Set(_value, value);
        var indexBytes = index.ToBigEndian(); // big-endian: byte 0 of the word is indexBytes[31]
        _indexBelow256.Assign(step, new UInt256((ulong)indexBytes.Take(31).Sum(x => x)));
        int byte0 = indexBytes[31];
        step.Set(_indexByteMinus31, (ulong)((byte0 + 225) & 0xff));
        step.Set(_indexAtLeast31, byte0 >= Selectable ? 1UL : 0UL);
        bool extends = indexBytes.Take(31).All(x => x == 0) && byte0 < Selectable;
        step.Set(_extends, extends ? 1UL : 0UL);
        for (int i = 0; i < Selectable; i++) step.Set(_selects[i], extends && i == byte0 ? 1UL : 0UL);
        byte selected = extends ? value.ToBigEndian()[31 - byte0] : (byte)0;
        step.Set(_selectedByte, selected);
        _sign.Assign(step, selected);
    }
}
