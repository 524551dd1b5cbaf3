using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>The check JUMP and JUMPI share: the destination (a popped word) is a JUMPDEST that is an instruction of
/// the running code — the bytecode table holds (code id, destination, 0x5b, is_code = 1). Its high limb must be zero;
/// its low limb then matches a code index exactly, so a destination past the code's end finds no row.
/// <paramref name="when"/> (1 or a 0/1 cell) switches the check off: every input is multiplied by it, and the table's
/// all-zero row answers a switched-off lookup.</summary>
public static class JumpTarget
{
    public const byte JumpDest = 0x5b;

    public static void Require(GadgetBuilder b, RwSlot destination, Expression when)
    {
        var code = b.Config.Bytecode;
        b.Require("the destination's high limb is zero", when * destination.ValueHi);
        b.Lookup("the destination is a JUMPDEST in code",
            [when * b.Cur(StepField.CodeId), when * destination.ValueLo, when * JumpDest, when],
            [code.CodeId.Cur, code.Index.Cur, code.Byte.Cur, code.IsCode.Cur]);
    }
}
