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
        new ComparisonGadget(ComparisonOp.Lt),
        new ComparisonGadget(ComparisonOp.Gt),
        new ComparisonGadget(ComparisonOp.Slt),
        new ComparisonGadget(ComparisonOp.Sgt),
        new EqualityGadget(isZero: false),
        new EqualityGadget(isZero: true),
        new NotGadget(),
        new ByteGadget(),
        new ShiftGadget(ShiftOp.Shl),
        new ShiftGadget(ShiftOp.Shr),
        new ShiftGadget(ShiftOp.Sar),
        new ErrorInvalidOpcodeGadget(),
        new ErrorStackGadget(overflow: false),
        new ErrorStackGadget(overflow: true),
        new ErrorOutOfGasStaticGadget(),
        new ErrorInvalidJumpGadget(conditional: false),
        new ErrorInvalidJumpGadget(conditional: true),
        new MulGadget(),
        new DivModGadget(isMod: false),
        new DivModGadget(isMod: true),
        new SignedDivModGadget(isMod: false),
        new SignedDivModGadget(isMod: true),
        new AddModGadget(),
        new MulModGadget(),
        new SignExtendGadget(),
        new DupGadget(),
        new SwapGadget(),
        new JumpGadget(),
        new JumpiGadget(),
        new StepStateGadget(StepStateOp.Pc),
        new StepStateGadget(StepStateOp.Msize),
        new StepStateGadget(StepStateOp.Gas),
        new MloadGadget(),
        new MstoreGadget(),
        new Mstore8Gadget(),
        new ReturnRevertGadget(isRevert: false),
        new ReturnRevertGadget(isRevert: true),
        new CallContextGadget(Rollup.Evm.Tracing.Zk.CallContextField.CalleeAddress),
        new CallContextGadget(Rollup.Evm.Tracing.Zk.CallContextField.CallerAddress),
        new CallContextGadget(Rollup.Evm.Tracing.Zk.CallContextField.Value),
        new CallContextGadget(Rollup.Evm.Tracing.Zk.CallContextField.CallDataLength),
        new BeginTxGadget(),
        new BeginTxCallGadget(),
        new EndTxGadget(),
        new BlockContextGadget(),
        new SloadGadget(),
        new SstoreGadget(),
        new CallDataLoadGadget(),
        new ExpGadget(),
        new ExpIterationGadget(),
        new SelfBalanceGadget(),
        new BeginTxCallGadget(toCode: false),
        new TransientStorageGadget(isStore: false),
        new TransientStorageGadget(isStore: true),
        new OriginGadget(),
        new ErrorOutOfGasMemoryGadget(),
        new ErrorOutOfGasSloadGadget(),
        new ErrorOutOfGasSstoreGadget(),
        new ErrorOutOfGasExpGadget(),
    ];

    /// <summary>The gadgets a trace needs: padding, the begin and end of transactions and the error states (every
    /// gadget without an opcode), and every gadget one of whose opcodes it runs. Tests use this to keep
    /// their circuits small (a circuit carries the lookup tables only of the gadgets it has); a batch's circuit has
    /// them all, so that one verifying key serves every batch.</summary>
    public static IReadOnlyList<IGadget> Covering(IEnumerable<byte> opcodes)
    {
        var used = opcodes.ToHashSet();
        return All().Where(g => g.State == ExecutionState.Padding || g.Opcodes.Any(used.Contains) || (g.Opcodes.Count == 0 && Needed(g, used))).ToList();
    }

    /// <summary>Whether a gadget without opcodes belongs with <paramref name="used"/>: EXP's iterations only come with
    /// EXP (they are its continuation), an error state for some opcodes only with one of them (out of gas on SLOAD's
    /// cold access has no place in a circuit without SLOAD).</summary>
    private static bool Needed(IGadget g, HashSet<byte> used) => g switch
    {
        { State: ExecutionState.ExpIteration } => used.Contains(0x0a),
        IErrorGadget { HaltingOpcodes.Count: > 0 } e => e.HaltingOpcodes.Any(used.Contains),
        _ => true,
    };

    /// <summary>The gadgets a trace needs, error states included: the opcodes' gadgets and the error gadget of every
    /// step that halts exceptionally.</summary>
    public static IReadOnlyList<IGadget> Covering(Rollup.Evm.Tracing.Zk.ZkTrace trace)
    {
        var byOpcode = Covering(trace.Steps.Select(s => s.Opcode));
        var errors = All().OfType<IErrorGadget>().Where(g => trace.Steps.Any(g.Handles));
        return byOpcode.Concat(errors).ToList();
    }
}
