using Rollup.Circuits.Tables;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

public enum BitwiseOp { And, Or, Xor }

/// <summary>AND, OR and XOR (3 gas, two pops, one push), nibble by nibble: 64 lookup lanes hold (a_i, b_i, a_i AND b_i)
/// for the 4-bit pieces of the operands (little-endian: nibble i is bits 4i..4i+3), whose lookup in the nibble-AND
/// table also proves a_i and b_i are nibbles. Each operand limb must recombine from its 32 nibbles (Σ nibble·16^j, below
/// 2^128, so one decomposition only): the lanes hold exactly a and b. The result's nibbles are a_i AND b_i,
/// a_i + b_i − AND (OR) or a_i + b_i − 2·AND (XOR), which are nibbles by construction, so the result is a canonical
/// word. Nibbles rather than bytes keep the table at 256 rows (a byte table needs 2^16, and so would the circuit).</summary>
public sealed class BitwiseGadget(BitwiseOp op) : IGadget
{
    /// <summary>Nibbles per limb (a limb is 128 bits) and per word.</summary>
    private const int LimbNibbles = 32, WordNibbles = 64;

    public ExecutionState State => op switch { BitwiseOp.And => ExecutionState.And, BitwiseOp.Or => ExecutionState.Or, _ => ExecutionState.Xor };
    public IReadOnlyList<byte> Opcodes => [op switch { BitwiseOp.And => (byte)0x16, BitwiseOp.Or => (byte)0x17, _ => (byte)0x18 }];

    private LaneCells[] _lanes = [];

    public void Configure(GadgetBuilder b)
    {
        b.Require($"opcode is {op.ToString().ToUpperInvariant()}", b.Cur(StepField.Opcode) - Opcodes[0]);
        var a = b.StackPop(1);
        var bb = b.StackPop(2);
        var c = b.StackPush(0, stackDelta: -1);
        _lanes = Enumerable.Range(0, WordNibbles).Select(i => b.Lane($"nibble {i}", SubTable.NibbleAnd)).ToArray();

        Expression Limb(int from, Func<LaneCells, Expression> pick)
        {
            Expression acc = pick(_lanes[from + LimbNibbles - 1]);
            for (int i = from + LimbNibbles - 2; i >= from; i--) acc = acc * 16 + pick(_lanes[i]);
            return acc;
        }
        Expression Result(LaneCells l) => op switch
        {
            BitwiseOp.And => l.Z,
            BitwiseOp.Or => l.X.Expr + l.Y - l.Z,
            _ => l.X.Expr + l.Y - l.Z.Expr * 2,
        };
        b.Require("a's low limb is its nibbles", a.ValueLo - Limb(0, l => l.X));
        b.Require("a's high limb is its nibbles", a.ValueHi - Limb(LimbNibbles, l => l.X));
        b.Require("b's low limb is its nibbles", bb.ValueLo - Limb(0, l => l.Y));
        b.Require("b's high limb is its nibbles", bb.ValueHi - Limb(LimbNibbles, l => l.Y));
        b.Require("result low limb", c.ValueLo - Limb(0, Result));
        b.Require("result high limb", c.ValueHi - Limb(LimbNibbles, Result));
        b.Transition(gasCost: Expression.Constant(3), stackDelta: -1);
    }

    public void Assign(StepContext step)
    {
        var a = step.Rw[0].Value.ToBigEndian();
        var bb = step.Rw[1].Value.ToBigEndian();
        for (int i = 0; i < WordNibbles; i++)
        {
            int x = Nibble(a, i), y = Nibble(bb, i);
            step.Set(_lanes[i], Fr.FromUInt64((ulong)x), Fr.FromUInt64((ulong)y), Fr.FromUInt64((ulong)(x & y)));
        }
    }

    /// <summary>Nibble <paramref name="i"/> (little-endian) of a big-endian word: the low or high half of byte i / 2
    /// counted from the end.</summary>
    private static int Nibble(byte[] bigEndian, int i) => (bigEndian[31 - i / 2] >> (4 * (i % 2))) & 0xf;
}
