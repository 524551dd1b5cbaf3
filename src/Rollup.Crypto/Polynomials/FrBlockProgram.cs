using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Polynomials;

public enum FrBlockOp : byte { Add, Sub, Mul }

public enum FrOperandKind : byte
{
    /// <summary>A register: a block's worth of values an earlier instruction wrote.</summary>
    Register,
    /// <summary>An input: a block read in place from a caller's array (see <see cref="FrBlockInput"/>).</summary>
    Input,
    /// <summary>A constant: the same value at every point.</summary>
    Constant,
}

public readonly record struct FrOperand(FrOperandKind Kind, int Index)
{
    public static FrOperand Register(int index) => new(FrOperandKind.Register, index);
    public static FrOperand Input(int index) => new(FrOperandKind.Input, index);
    public static FrOperand Constant(int index) => new(FrOperandKind.Constant, index);
}

/// <summary>register[Destination] = A op B at every point of the block. The destination may be one of the operands'
/// registers: every point only reads its own point of the operands.</summary>
public readonly record struct FrBlockInstruction(FrBlockOp Op, int Destination, FrOperand A, FrOperand B);

/// <summary>Where an input's block is: point i of the block is <c>Source[(Offset + i) mod Source.Length]</c> (the
/// length a power of two), so a block may wrap around the end of the array (a rotation on a coset).</summary>
public readonly record struct FrBlockInput(Fr[] Source, int Offset);

/// <summary>A straight-line program over blocks of F_r values: instructions on registers, inputs and constants, and the
/// operand holding the result. Knows nothing of what it computes: the PLONK prover compiles its constraints into one
/// (Rollup.Plonk.Proving.ConstraintBlockProgram) and <see cref="FrBlockMachine"/> runs it.</summary>
public sealed class FrBlockProgram
{
    public FrBlockProgram(IReadOnlyList<FrBlockInstruction> instructions, int registers, int inputs, IReadOnlyList<Fr> constants, FrOperand result)
    {
        foreach (var ins in instructions)
        {
            if ((uint)ins.Destination >= (uint)registers) throw new ArgumentException($"{ins}: no such register");
            Check(ins.A, registers, inputs, constants.Count);
            Check(ins.B, registers, inputs, constants.Count);
        }
        Check(result, registers, inputs, constants.Count);
        Instructions = instructions.ToArray();
        Registers = registers;
        Inputs = inputs;
        Constants = constants.ToArray();
        Result = result;
    }

    private static void Check(FrOperand o, int registers, int inputs, int constants)
    {
        int count = o.Kind switch { FrOperandKind.Register => registers, FrOperandKind.Input => inputs, _ => constants };
        if ((uint)o.Index >= (uint)count) throw new ArgumentException($"{o}: out of range");
    }

    public FrBlockInstruction[] Instructions { get; }
    public int Registers { get; }
    public int Inputs { get; }
    public Fr[] Constants { get; }
    public FrOperand Result { get; }
}
