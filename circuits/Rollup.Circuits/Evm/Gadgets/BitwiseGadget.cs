using Rollup.Circuits.Tables;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

public enum BitwiseOp { And, Or, Xor }

/// <summary>AND, OR and XOR (3 gas, two pops, one push), byte by byte: 32 lookup lanes hold (a_i, b_i, a_i AND b_i),
/// whose lookup in the byte-AND table also proves a_i and b_i are bytes. The operands' limbs must recombine from those
/// bytes, so the lanes hold exactly a and b; the result's bytes are a_i AND b_i, a_i + b_i − AND (OR), or
/// a_i + b_i − 2·AND (XOR), which are bytes by construction, so the result is a canonical word.</summary>
public sealed class BitwiseGadget(BitwiseOp op) : IGadget
{
    public ExecutionState State => op switch { BitwiseOp.And => ExecutionState.And, BitwiseOp.Or => ExecutionState.Or, _ => ExecutionState.Xor };
    public IReadOnlyList<byte> Opcodes => [op switch { BitwiseOp.And => (byte)0x16, BitwiseOp.Or => (byte)0x17, _ => (byte)0x18 }];

    private LaneCells[] _lanes = [];

    public void Configure(GadgetBuilder b)
    {
        b.Require($"opcode is {op.ToString().ToUpperInvariant()}", b.Cur(StepField.Opcode) - Opcodes[0]);
        var a = b.StackPop(1);
        var bb = b.StackPop(2);
        var c = b.StackPush(0, stackDelta: -1);
        _lanes = Enumerable.Range(0, 32).Select(i => b.Lane($"byte {i}", SubTable.ByteAnd)).ToArray();

        Expression Limb(int from, Func<LaneCells, Expression> pick)
        {
            Expression acc = pick(_lanes[from + 15]);
            for (int i = from + 14; i >= from; i--) acc = acc * 256 + pick(_lanes[i]);
            return acc;
        }
        Expression Result(LaneCells l) => op switch
        {
            BitwiseOp.And => l.Z,
            BitwiseOp.Or => l.X.Expr + l.Y - l.Z,
            _ => l.X.Expr + l.Y - l.Z.Expr * 2,
        };
        b.Require("a's low limb is its bytes", a.ValueLo - Limb(0, l => l.X));
        b.Require("a's high limb is its bytes", a.ValueHi - Limb(16, l => l.X));
        b.Require("b's low limb is its bytes", bb.ValueLo - Limb(0, l => l.Y));
        b.Require("b's high limb is its bytes", bb.ValueHi - Limb(16, l => l.Y));
        b.Require("result low limb", c.ValueLo - Limb(0, Result));
        b.Require("result high limb", c.ValueHi - Limb(16, Result));
        b.Transition(gasCost: Expression.Constant(3), stackDelta: -1);
    }

    public void Assign(StepContext step)
    {
        var a = step.Rw[0].Value.ToBigEndian();
        var bb = step.Rw[1].Value.ToBigEndian();
        for (int i = 0; i < 32; i++)
        {
            byte x = a[31 - i], y = bb[31 - i];
            step.Set(_lanes[i], Fr.FromUInt64(x), Fr.FromUInt64(y), Fr.FromUInt64((ulong)(x & y)));
        }
    }
}
