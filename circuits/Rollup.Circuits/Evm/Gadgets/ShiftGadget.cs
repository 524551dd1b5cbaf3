using Rollup.Circuits.Evm.Math;
using Rollup.Circuits.Tables;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

public enum ShiftOp { Shl, Shr, Sar }

/// <summary>SHL, SHR, SAR (3 gas, two pops s = top, x; one push). x is 32 range-checked bytes x_j (little-endian).
/// <para>The amount: <see cref="ShiftAmount"/> gives small = [s &lt; 256] and s's low byte s₀ = 8·B + n, with B one-hot
/// in 0..31 (whole bytes) and n looked up in the shift-bits table (n ∈ 0..7, with 2^n and 2^(8−n)), so the split is
/// unique.</para>
/// <para>Whole bytes: y_j = Σ_k sel_k·x_(j−k) (SHL) or Σ_k sel_k·x_(j+k) (SHR, SAR), where bytes shifted in from
/// outside are 0, or for SAR the fill F = 255·sign (sign = bit 255 of x, <see cref="ComparisonSign"/>).</para>
/// <para>Bits: y_j·m = lo_j + 256·hi_j with lo_j and hi_j bytes (a unique split of a number below 2^16), where
/// m = 2^n for SHL, so z_j = lo_j + hi_(j−1) (the bits that cross into the next byte up); and m = 2^(8−n) for SHR and
/// SAR, so hi_j = y_j ≫ n and z_j = hi_j + lo_(j+1) (lo_32 from the fill F for SAR, 0 for SHR). The two parts of z_j
/// occupy disjoint bits, so z_j is a byte.</para>
/// <para>Result byte j: small·z_j, plus (1 − small)·F for SAR: a shift by 256 or more leaves 0, or all ones for a
/// negative SAR. Every constraint is of degree 2; the pushed word is a sum of bytes, so it is canonical.</para></summary>
public sealed class ShiftGadget(ShiftOp op) : IGadget
{
    public ExecutionState State => op switch { ShiftOp.Shl => ExecutionState.Shl, ShiftOp.Shr => ExecutionState.Shr, _ => ExecutionState.Sar };
    public IReadOnlyList<byte> Opcodes => [(byte)(0x1b + (int)op)];

    private bool Left => op == ShiftOp.Shl;
    /// <summary>Bytes split into lo/hi: 32, plus the fill byte for SAR.</summary>
    private int Split => op == ShiftOp.Sar ? 33 : 32;

    private ShiftAmount _amount = null!;
    private ShiftOneHot _wholeBytes = null!;
    private LaneCells _bits = null!;
    private WordBytes _x = null!;
    private ComparisonSign? _sign;
    private CellRef[] _y = [], _lo = [], _hi = [];

    public void Configure(GadgetBuilder b)
    {
        b.Require($"opcode is {op.ToString().ToUpperInvariant()}", b.Cur(StepField.Opcode) - Opcodes[0]);
        var s = b.StackPop(1);
        var x = b.StackPop(2);
        var c = b.StackPush(0, stackDelta: -1);

        _amount = new ShiftAmount(b, "shift", s.ValueLo, s.ValueHi);
        _wholeBytes = new ShiftOneHot(b, "whole bytes", 32);
        _bits = b.Lane("bits", SubTable.ShiftBits);
        b.Require("s0 = 8·whole bytes + bits", _amount.LowByte - (_wholeBytes.Index * 8 + _bits.X));

        _x = b.Word("x");
        b.Require("x low limb is its bytes", x.ValueLo - _x.Lo);
        b.Require("x high limb is its bytes", x.ValueHi - _x.Hi);
        Expression fill = Expression.Constant(0);
        if (op == ShiftOp.Sar)
        {
            _sign = new ComparisonSign(b, "x", _x.Bytes[31]);
            fill = _sign.Sign.Expr * 255;
        }

        // Whole-byte shift.
        _y = Enumerable.Range(0, 32).Select(j => b.Cell($"y[{j}]")).ToArray();
        for (int j = 0; j < 32; j++)
        {
            Expression moved = Expression.Constant(0);
            for (int k = 0; k < 32; k++)
            {
                int from = Left ? j - k : j + k;
                if (from is >= 0 and < 32) moved += _wholeBytes.Selectors[k].Expr * _x.Bytes[from];
                else if (op == ShiftOp.Sar) moved += _wholeBytes.Selectors[k].Expr * fill;
            }
            b.Require($"y[{j}] is x shifted by whole bytes", _y[j] - moved);
        }

        // Bit shift: split y_j·m into its low and high byte.
        Expression multiplier = Left ? _bits.Y : _bits.Z;
        _lo = Enumerable.Range(0, Split).Select(j => b.ByteCell($"lo[{j}]")).ToArray();
        _hi = Enumerable.Range(0, Split).Select(j => b.ByteCell($"hi[{j}]")).ToArray();
        for (int j = 0; j < Split; j++)
        {
            Expression yj = j < 32 ? _y[j] : fill;
            b.Require($"y[{j}]·m = lo[{j}] + 256·hi[{j}]", yj * multiplier - (_lo[j].Expr + _hi[j].Expr * 256));
        }

        Expression Result(int j)
        {
            Expression z = Left
                ? (j > 0 ? _lo[j].Expr + _hi[j - 1] : _lo[j])
                : (j + 1 < Split ? _hi[j].Expr + _lo[j + 1] : _hi[j]);
            var r = _amount.IsSmall.Expr * z;
            return op == ShiftOp.Sar ? r + (1 - (Expression)_amount.IsSmall) * fill : r;
        }
        Expression Limb(int from)
        {
            Expression acc = Result(from + 15);
            for (int j = from + 14; j >= from; j--) acc = acc * 256 + Result(j);
            return acc;
        }
        b.Require("result low limb", c.ValueLo - Limb(0));
        b.Require("result high limb", c.ValueHi - Limb(16));
        b.Transition(gasCost: Expression.Constant(3), stackDelta: -1);
    }

    public void Assign(StepContext step)
    {
        var s = step.Rw[0].Value;
        var x = step.Rw[1].Value;
        _amount.Assign(step, s);
        int s0 = (int)(s.U0 & 0xff), wholeBytes = s0 / 8, n = s0 % 8;
        _wholeBytes.Assign(step, wholeBytes);
        step.Set(_bits, Fr.FromUInt64((ulong)n), Fr.FromUInt64(1UL << n), Fr.FromUInt64(1UL << (8 - n)));
        step.Set(_x, x);
        var be = x.ToBigEndian();
        int sign = be[0] >> 7;
        _sign?.Assign(step, be[0]);
        int fill = op == ShiftOp.Sar ? 255 * sign : 0;

        int XByte(int j) => j is >= 0 and < 32 ? be[31 - j] : fill;
        var y = new int[Split];
        for (int j = 0; j < 32; j++) y[j] = XByte(Left ? j - wholeBytes : j + wholeBytes);
        if (Split == 33) y[32] = fill;
        int m = Left ? 1 << n : 1 << (8 - n);
        for (int j = 0; j < Split; j++)
        {
            if (j < 32) step.Set(_y[j], (ulong)y[j]);
            int product = y[j] * m;
            step.Set(_lo[j], (ulong)(product & 0xff));
            step.Set(_hi[j], (ulong)(product >> 8));
        }
    }
}
