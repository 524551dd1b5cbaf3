using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>Read/write slots whose stack position or memory word is an expression (DUPn and SWAPn pick their slot by
/// the opcode; memory gadgets by the offset), with the same constraints as <see cref="GadgetBuilder.Stack"/>.</summary>
public static class StackAccess
{
    /// <summary>A stack access at slot <paramref name="key"/> (0 = the bottom) of the step's call.</summary>
    public static RwSlot StackAt(this GadgetBuilder b, bool write, Expression key) =>
        Access(b, b.Slot(), write, RwTag.Stack, key);

    /// <summary>A memory access to word <paramref name="wordIndex"/> (bytes 32·index … 32·index + 31) of the step's call.</summary>
    public static RwSlot MemoryWordAt(this GadgetBuilder b, bool write, Expression wordIndex) =>
        Access(b, b.Slot(), write, RwTag.Memory, wordIndex);

    /// <summary>Constrains <paramref name="slot"/> to be this access whenever <paramref name="when"/> (a 0/1 expression
    /// of degree 1) is 1: for a slot whose role depends on the step's data.</summary>
    public static void AccessWhen(GadgetBuilder b, RwSlot slot, Expression when, string role, bool write, RwTag tag, Expression key)
    {
        string what = $"slot {slot.Index} as {role}";
        b.Require($"{what}: is_write", when * (slot.IsWrite - (write ? 1 : 0)));
        b.Require($"{what}: tag", when * (slot.Tag - RwSlot.TagValue(tag)));
        b.Require($"{what}: call id", when * (slot.Id - b.Cur(StepField.CallId)));
        b.Require($"{what}: address", when * slot.Address);
        b.Require($"{what}: key", when * (slot.KeyLo - key));
        b.Require($"{what}: key high", when * slot.KeyHi);
        if (!write)
        {
            b.Require($"{what}: a read keeps the value (lo)", when * (slot.PrevLo - slot.ValueLo));
            b.Require($"{what}: a read keeps the value (hi)", when * (slot.PrevHi - slot.ValueHi));
        }
    }

    private static RwSlot Access(GadgetBuilder b, RwSlot slot, bool write, RwTag tag, Expression key)
    {
        string what = $"slot {slot.Index} is a {tag.ToString().ToLowerInvariant()} {(write ? "write" : "read")}";
        b.Require($"{what}: is_write", slot.IsWrite - (write ? 1 : 0));
        b.Require($"{what}: tag", slot.Tag - RwSlot.TagValue(tag));
        b.Require($"{what}: call id", slot.Id - b.Cur(StepField.CallId));
        b.Require($"{what}: address", slot.Address);
        b.Require($"{what}: key", slot.KeyLo - key);
        b.Require($"{what}: key high", slot.KeyHi);
        if (!write)
        {
            b.Require($"{what}: a read keeps the value (lo)", slot.PrevLo - slot.ValueLo);
            b.Require($"{what}: a read keeps the value (hi)", slot.PrevHi - slot.ValueHi);
        }
        return slot;
    }
}
