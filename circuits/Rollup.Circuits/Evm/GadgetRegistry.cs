using Rollup.Circuits.Evm.Gadgets;

namespace Rollup.Circuits.Evm;

/// <summary>Every gadget of the EVM circuit. A gadget instance remembers the cells it configured, so each circuit
/// gets fresh ones: call <see cref="All"/> per circuit.</summary>
public static class GadgetRegistry
{
    public static IReadOnlyList<IGadget> All() =>
    [
        new PaddingGadget(),
        new StopGadget(),
        new JumpDestGadget(),
        new PopGadget(),
        new PushGadget(),
        new AddSubGadget(isSub: false),
        new AddSubGadget(isSub: true),
        new BitwiseGadget(BitwiseOp.And),
        new BitwiseGadget(BitwiseOp.Or),
        new BitwiseGadget(BitwiseOp.Xor),
        new BeginTxGadget(),
        new BeginTxCallGadget(),
        new EndTxGadget(),
        new BlockContextGadget(),
        new SloadGadget(),
        new SelfBalanceGadget(),
        new BeginTxCallGadget(toCode: false),
        new TransientStorageGadget(isStore: false),
        new TransientStorageGadget(isStore: true),
        new OriginGadget(),
    ];

    /// <summary>The gadgets a trace needs: padding, the begin and end of transactions (every gadget without an opcode)
    /// and every gadget one of whose opcodes it runs. Tests use this to keep
    /// their circuits small (a circuit carries the lookup tables only of the gadgets it has); a batch's circuit has
    /// them all, so that one verifying key serves every batch.</summary>
    public static IReadOnlyList<IGadget> Covering(IEnumerable<byte> opcodes)
    {
        var used = opcodes.ToHashSet();
        return All().Where(g => g.State == ExecutionState.Padding || g.Opcodes.Count == 0 || g.Opcodes.Any(used.Contains)).ToList();
    }
}
