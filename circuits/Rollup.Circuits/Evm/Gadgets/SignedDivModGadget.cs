using System.Numerics;
using Rollup.Circuits.Evm.Math;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>SDIV and SMOD (5 gas, two pops a and b, one push), on magnitudes: |a| = |b'|·|q| + |r| with |r| &lt; |b'|,
/// b' = b + is_zero(b) (<see cref="WordDivision"/>). That is truncated division, the EVM's: the quotient's sign is
/// sign(a) XOR sign(b), the remainder's is sign(a); a zero result is never negative.
/// <para>Operands: a's and b's high limbs are 16 byte cells, so their top byte gives the sign bit (<see cref="SignBit"/>);
/// |a|, |b| are 32 byte cells tied to a, b by <see cref="SignedWord"/>. Result: SDIV pushes q (32 byte cells, tied to
/// |q| under sign s_q) times (1 − is_zero(b)); SMOD pushes r (tied to |r| under s_r; 0 when b = 0 since |r| &lt; 1).
/// The result sign is bound only where the magnitude is non-zero: (s_q − sign(a) XOR sign(b))·(|q|_lo + |q|_hi) = 0;
/// for a zero magnitude <see cref="SignedWord"/> itself forces the sign to 0.</para>
/// <para>SDIV(−2^255, −1): |a| = 2^255, |b| = 1, |q| = 2^255 with positive sign, so q = 2^255 = −2^255: the EVM's
/// overflow case needs nothing special. The step uses 255 of the 256 byte cells.</para></summary>
public sealed class SignedDivModGadget(bool isMod) : IGadget
{
    public ExecutionState State => isMod ? ExecutionState.SMod : ExecutionState.SDiv;
    public IReadOnlyList<byte> Opcodes => [isMod ? (byte)0x07 : (byte)0x05];

    private Operand _a = null!, _b = null!;
    private WordBytes _result = null!;
    private CellRef _resultSign = null!, _signsDiffer = null!;
    private SignedWord _resultSigned = null!;
    private WordDivision _division = null!;

    /// <summary>A stack operand with its sign bit and magnitude.</summary>
    private sealed record Operand(CellRef[] High, SignBit Sign, WordBytes Magnitude, SignedWord Relation);

    private static Operand ConfigureOperand(GadgetBuilder b, string name, RwSlot slot)
    {
        var high = ByteCells.Allocate(b, $"{name}_hi", 16);
        b.Require($"{name} high limb is its bytes", slot.ValueHi - ByteCells.Compose(high));
        var sign = SignBit.Configure(b, $"{name}'s top byte", high[15]);
        var magnitude = b.Word($"|{name}|");
        var relation = SignedWord.Configure(b, $"{name} and |{name}|", slot.ValueLo, slot.ValueHi, magnitude, sign.Bit);
        return new Operand(high, sign, magnitude, relation);
    }

    public void Configure(GadgetBuilder b)
    {
        b.Require($"opcode is {(isMod ? "SMOD" : "SDIV")}", b.Cur(StepField.Opcode) - Opcodes[0]);
        var dividend = b.StackPop(1);
        var divisor = b.StackPop(2);
        var written = b.StackPush(0, stackDelta: -1);
        _a = ConfigureOperand(b, "a", dividend);
        _b = ConfigureOperand(b, "b", divisor);
        // |a| = |b'|·|q| + |r|, |r| < |b'|.
        _division = WordDivision.Configure(b, _a.Magnitude.Lo, _a.Magnitude.Hi, _b.Magnitude, ("|a|", "|b|", "|q|", "|r|"));
        Expression bz = _division.DivisorIsZero;

        // The result: its magnitude, its sign where the magnitude is non-zero, and the word itself.
        var magnitude = isMod ? _division.Remainder : _division.Quotient;
        Expression sa = _a.Sign.Bit, sb = _b.Sign.Bit;
        _signsDiffer = b.Cell("sign(a) XOR sign(b)");
        b.Require("sign(a) XOR sign(b)", _signsDiffer - (sa + sb - sa * sb * 2));
        _resultSign = b.Cell(isMod ? "sign of r" : "sign of q");
        b.Require("result sign is a bit", _resultSign * (1 - (Expression)_resultSign));
        Expression expectedSign = isMod ? sa : _signsDiffer;
        b.Require(isMod ? "r has a's sign unless it is zero" : "q's sign is sign(a) XOR sign(b) unless it is zero",
            (_resultSign - expectedSign) * (magnitude.Lo + magnitude.Hi));
        _result = b.Word(isMod ? "r" : "q");
        _resultSigned = SignedWord.Configure(b, isMod ? "r and |r|" : "q and |q|", _result.Lo, _result.Hi, magnitude, _resultSign);
        if (isMod)
        {
            b.Require("result low limb is r", written.ValueLo - _result.Lo);
            b.Require("result high limb is r", written.ValueHi - _result.Hi);
        }
        else
        {
            b.Require("result low limb is q, or 0 for b = 0", written.ValueLo - _result.Lo * (1 - bz));
            b.Require("result high limb is q, or 0 for b = 0", written.ValueHi - _result.Hi * (1 - bz));
        }
        b.Transition(gasCost: Expression.Constant(5), stackDelta: -1);
    }

    private static readonly BigInteger TwoTo255 = BigInteger.One << 255, TwoTo256 = BigInteger.One << 256;

    private static (bool Negative, BigInteger Magnitude) AssignOperand(StepContext step, Operand o, BigInteger value)
    {
        bool negative = value >= TwoTo255;
        var magnitude = negative ? TwoTo256 - value : value;
        ByteCells.Set(step, o.High, value >> 128);
        o.Sign.Assign(step, (byte)(value >> 248));
        ByteCells.Set(step, o.Magnitude, magnitude);
        o.Relation.Assign(step, magnitude, negative);
        return (negative, magnitude);
    }

    public void Assign(StepContext step)
    {
        var (aNegative, aMagnitude) = AssignOperand(step, _a, step.Rw[0].Value.ToBigInteger());
        var (bNegative, bMagnitude) = AssignOperand(step, _b, step.Rw[1].Value.ToBigInteger());
        var (q, r) = _division.Assign(step, aMagnitude, bMagnitude);

        step.Set(_signsDiffer, aNegative != bNegative ? 1UL : 0UL);
        var magnitude = isMod ? r : q;
        bool negative = !magnitude.IsZero && (isMod ? aNegative : aNegative != bNegative);
        step.Set(_resultSign, negative ? 1UL : 0UL);
        ByteCells.Set(step, _result, negative ? TwoTo256 - magnitude : magnitude);
        _resultSigned.Assign(step, magnitude, negative);
    }
}
