using System.Numerics;
using Rollup.Circuits.Evm.Math;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

public enum ComparisonOp { Lt, Gt, Slt, Sgt }

/// <summary>LT, GT, SLT, SGT (3 gas, two pops a = top, b, one push). Each is "x &lt; y" with (x, y) = (a, b) for LT and
/// SLT, (b, a) for GT and SGT, proven by x − y with borrows over the limbs (<see cref="ComparisonBorrow"/>): x &lt; y iff
/// the word borrows, and the pushed word is that borrow bit (high limb zero), so it is canonical.
/// <para>Signed: flipping bit 255 of both words maps two's-complement order onto unsigned order
/// (x &lt;s y iff x ⊕ 2^255 &lt;u y ⊕ 2^255). With the sign s taken from the high limb's top byte
/// (<see cref="ComparisonSign"/>, the limb as 16 range-checked bytes), x_hi ⊕ 2^127 = x_hi + 2^127 − 2^128·s, still a
/// limb below 2^128, so the same borrow argument applies.</para></summary>
public sealed class ComparisonGadget(ComparisonOp op) : IGadget
{
    private static readonly Fr TwoTo127 = Fr.FromBigInteger(BigInteger.One << 127);
    private static readonly Fr TwoTo128 = Fr.FromBigInteger(BigInteger.One << 128);

    public ExecutionState State => op switch
    {
        ComparisonOp.Lt => ExecutionState.Lt, ComparisonOp.Gt => ExecutionState.Gt,
        ComparisonOp.Slt => ExecutionState.Slt, _ => ExecutionState.Sgt,
    };
    public IReadOnlyList<byte> Opcodes => [(byte)(0x10 + (int)op)];

    private bool Signed => op is ComparisonOp.Slt or ComparisonOp.Sgt;
    private bool Swapped => op is ComparisonOp.Gt or ComparisonOp.Sgt;

    private ComparisonBorrow _borrow = null!;
    private SignedHighLimb? _xHigh, _yHigh;

    public void Configure(GadgetBuilder b)
    {
        b.Require($"opcode is {op.ToString().ToUpperInvariant()}", b.Cur(StepField.Opcode) - Opcodes[0]);
        var a = b.StackPop(1);
        var bb = b.StackPop(2);
        var c = b.StackPush(0, stackDelta: -1);
        var (x, y) = Swapped ? (bb, a) : (a, bb);

        Expression xHi = x.ValueHi, yHi = y.ValueHi;
        if (Signed)
        {
            _xHigh = new SignedHighLimb(b, "x", x.ValueHi);
            _yHigh = new SignedHighLimb(b, "y", y.ValueHi);
            xHi = _xHigh.Flipped;
            yHi = _yHigh.Flipped;
        }
        _borrow = new ComparisonBorrow(b, "x - y", x.ValueLo, xHi, y.ValueLo, yHi);
        b.Require("result is x < y (the borrow)", c.ValueLo - _borrow.Borrow);
        b.Require("result high limb is zero", c.ValueHi);
        b.Transition(gasCost: Expression.Constant(3), stackDelta: -1);
    }

    public void Assign(StepContext step)
    {
        var a = step.Rw[0].Value;
        var bb = step.Rw[1].Value;
        var (x, y) = Swapped ? (bb, a) : (a, bb);
        if (Signed)
        {
            _xHigh!.Assign(step, x);
            _yHigh!.Assign(step, y);
            var flip = UInt256.One << 255;
            (x, y) = (x ^ flip, y ^ flip);
        }
        _borrow.Assign(step, x.ToBigInteger(), y.ToBigInteger());
    }

    /// <summary>A high limb as 16 bytes, its sign, and the limb with bit 127 flipped: hi + 2^127 − 2^128·s.</summary>
    private sealed class SignedHighLimb
    {
        private readonly CellRef[] _bytes;
        private readonly ComparisonSign _sign;
        public Expression Flipped { get; }

        public SignedHighLimb(GadgetBuilder b, string name, Expression hi)
        {
            _bytes = Enumerable.Range(16, 16).Select(i => b.ByteCell($"{name}[{i}]")).ToArray();
            Expression limb = _bytes[15];
            for (int i = 14; i >= 0; i--) limb = limb * 256 + _bytes[i];
            b.Require($"{name}: high limb is its bytes", hi - limb);
            _sign = new ComparisonSign(b, name, _bytes[15]);
            Flipped = hi + Expression.Constant(TwoTo127) - _sign.Sign * Expression.Constant(TwoTo128);
        }

        public void Assign(StepContext step, in UInt256 word)
        {
            var bytes = word.ToBigEndian();
            for (int i = 0; i < 16; i++) step.Set(_bytes[i], bytes[15 - i]);
            _sign.Assign(step, bytes[0]);
        }
    }
}
