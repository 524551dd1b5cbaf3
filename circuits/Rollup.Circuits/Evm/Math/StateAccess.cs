using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>What a read/write slot is about, stated in one call: read or write, tag, id, address, key (high limb zero),
/// and for reads that the value is kept. Account fields and storage are global (id 0); access lists, refunds and
/// transient storage belong to a transaction (id = tx id); stack, memory and call context to a call (id = call id).</summary>
public static class StateAccess
{
    public static RwSlot Slot(GadgetBuilder b, string name, bool write, RwTag tag, Expression id, Expression address, Expression key)
    {
        var s = b.Slot();
        b.Require($"{name}: is a {(write ? "write" : "read")}", s.IsWrite - (write ? 1 : 0));
        b.Require($"{name}: tag", s.Tag - RwSlot.TagValue(tag));
        b.Require($"{name}: id", s.Id - id);
        b.Require($"{name}: address", s.Address - address);
        b.Require($"{name}: key", s.KeyLo - key);
        b.Require($"{name}: key high", s.KeyHi);
        if (!write)
        {
            b.Require($"{name}: read keeps the value (lo)", s.PrevLo - s.ValueLo);
            b.Require($"{name}: read keeps the value (hi)", s.PrevHi - s.ValueHi);
        }
        return s;
    }

    public static RwSlot Account(GadgetBuilder b, string name, bool write, Expression address, AccountField field) =>
        Slot(b, name, write, RwTag.Account, Expression.Constant(0), address, Expression.Constant((long)field));

    /// <summary>A write marking <paramref name="address"/> warm for transaction <paramref name="txId"/> (value 1).</summary>
    public static RwSlot WarmAccount(GadgetBuilder b, string name, Expression txId, Expression address)
    {
        var s = Slot(b, name, true, RwTag.AccessListAccount, txId, address, Expression.Constant(0));
        b.Require($"{name}: warm", s.ValueLo - 1);
        b.Require($"{name}: warm (hi)", s.ValueHi);
        return s;
    }

    /// <summary>A read of field <paramref name="field"/> of the step's call context (the witness builder adds such reads
    /// for the opcodes that need them: the tracer logs the context only where it is written).</summary>
    public static RwSlot ContextRead(GadgetBuilder b, string name, CallContextField field) =>
        Slot(b, name, false, RwTag.CallContext, b.Cur(StepField.CallId), Expression.Constant(0), Expression.Constant((long)field));

    /// <summary>An address held as a word (limbs) back as one field element: lo + hi·2^128.</summary>
    public static Expression AddressOf(RwSlot word) => word.ValueLo + word.ValueHi * Expression.Constant(WordAddition.TwoTo128);

    /// <summary>A write of field <paramref name="field"/> of call <paramref name="callId"/>'s context.</summary>
    public static RwSlot CallContext(GadgetBuilder b, string name, Expression callId, CallContextField field, Limbs value)
    {
        var s = Slot(b, name, true, RwTag.CallContext, callId, Expression.Constant(0), Expression.Constant((long)field));
        b.Require($"{name}: value", s.ValueLo - value.Lo);
        b.Require($"{name}: value (hi)", s.ValueHi - value.Hi);
        return s;
    }
}
