using Rollup.Circuits.Evm.Math;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>BYTE (3 gas, two pops i = top, x; one push): byte i of x counted from the most significant, i.e. little-endian
/// byte 31 − i, for i &lt; 32, else 0.
/// <para>i splits as <see cref="ShiftAmount"/> (small = i &lt; 256, and its low byte i₀), and i₀ = 32·u + k with k one-hot
/// in 0..31 and u ∈ [0, 8) (u and u + 248 are bytes), so the split is unique. i &lt; 32 iff small and u = 0 (a zero test
/// on u). x is 32 range-checked bytes; picked = Σ sel_k·x[31 − k] is x's byte at k; the result is in-range·picked, a
/// byte (or 0), so the pushed word is canonical.</para></summary>
public sealed class ByteGadget : IGadget
{
    public ExecutionState State => ExecutionState.Byte;
    public IReadOnlyList<byte> Opcodes => [0x1a];

    private ShiftAmount _index = null!;
    private CellRef _u = null!, _uPlus248 = null!, _inRange = null!, _picked = null!;
    private ComparisonZeroTest _uZero = null!;
    private ShiftOneHot _k = null!;
    private WordBytes _x = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is BYTE", b.Cur(StepField.Opcode) - 0x1a);
        var i = b.StackPop(1);
        var x = b.StackPop(2);
        var c = b.StackPush(0, stackDelta: -1);

        _index = new ShiftAmount(b, "i", i.ValueLo, i.ValueHi);
        _u = b.ByteCell("i0 / 32");
        _uPlus248 = b.ByteCell("i0 / 32 + 248");
        b.Require("i0 / 32 < 8", _uPlus248 - (_u.Expr + 248));
        _k = new ShiftOneHot(b, "i0 % 32", 32);
        b.Require("i0 = 32·u + k", _index.LowByte - (_u.Expr * 32 + _k.Index));
        _uZero = new ComparisonZeroTest(b, "i0 / 32", _u);
        _inRange = b.Cell("i < 32");
        b.Require("i < 32 iff i < 256 and i0 < 32", _inRange - _index.IsSmall.Expr * _uZero.IsZero);

        _x = b.Word("x");
        b.Require("x low limb is its bytes", x.ValueLo - _x.Lo);
        b.Require("x high limb is its bytes", x.ValueHi - _x.Hi);
        _picked = b.Cell("x's byte k from the top");
        Expression picked = Expression.Constant(0);
        for (int k = 0; k < 32; k++) picked += _k.Selectors[k].Expr * _x.Bytes[31 - k];
        b.Require("picked = Σ sel_k·x[31 - k]", _picked - picked);
        b.Require("result is the picked byte if i < 32, else 0", c.ValueLo - _inRange.Expr * _picked);
        b.Require("result high limb is zero", c.ValueHi);
        b.Transition(gasCost: Expression.Constant(3), stackDelta: -1);
    }

    public void Assign(StepContext step)
    {
        var i = step.Rw[0].Value;
        var x = step.Rw[1].Value;
        _index.Assign(step, i);
        int i0 = (int)(i.U0 & 0xff), u = i0 / 32, k = i0 % 32;
        step.Set(_u, (ulong)u);
        step.Set(_uPlus248, (ulong)u + 248);
        _k.Assign(step, k);
        _uZero.Assign(step, Crypto.Bn254.Fields.Fr.FromUInt64((ulong)u));
        bool inRange = i < new Core.Numerics.UInt256(32);
        step.Set(_inRange, inRange ? 1UL : 0UL);
        step.Set(_x, x);
        step.Set(_picked, x.ToBigEndian()[k]);
    }
}
