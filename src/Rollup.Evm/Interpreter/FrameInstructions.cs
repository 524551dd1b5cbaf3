using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;

namespace Rollup.Evm.Interpreter;

/// <summary>The instructions that work on the frame or the world rather than the stack alone (environment, block,
/// transient storage, MCOPY, LOG), dispatched out of the interpreter loop. The loop syncs its stack pointer and gas
/// into the frame, calls <see cref="Run"/> and reloads them, as it does for any frame-level handler; keeping these
/// cases out of the loop leaves it fewer blocks, so its hot locals stay in registers.</summary>
internal static class FrameInstructions
{
    /// <summary>Runs <paramref name="op"/> (one the loop routes here) on <paramref name="f"/>; the exit reason is
    /// <see cref="ExitReason.Running"/> unless the instruction halted the frame.</summary>
    public static ExitReason Run(CallFrame f, byte op)
    {
        switch (op)
        {
            case 0x30: return EnvironmentOps.Address(f);
            case 0x31: return EnvironmentOps.Balance(f.Env, f);
            case 0x32: return EnvironmentOps.Origin(f.Env, f);
            case 0x33: return EnvironmentOps.Caller(f);
            case 0x34: return EnvironmentOps.CallValue(f);
            case 0x35: return EnvironmentOps.CallDataLoad(f);
            case 0x36: return EnvironmentOps.CallDataSize(f);
            case 0x37: return EnvironmentOps.CallDataCopy(f);
            case 0x38: return EnvironmentOps.CodeSize(f);
            case 0x39: return EnvironmentOps.CodeCopy(f);
            case 0x3a: return EnvironmentOps.GasPrice(f.Env, f);
            case 0x3b: return EnvironmentOps.ExtCodeSize(f.Env, f);
            case 0x3c: return EnvironmentOps.ExtCodeCopy(f.Env, f);
            case 0x3d: return EnvironmentOps.ReturnDataSize(f);
            case 0x3e: return EnvironmentOps.ReturnDataCopy(f);
            case 0x3f: return EnvironmentOps.ExtCodeHash(f.Env, f);
            case 0x40: return BlockOps.BlockHash(f.Env, f);
            case 0x41: return BlockOps.Coinbase(f.Env, f);
            case 0x42: return BlockOps.Timestamp(f.Env, f);
            case 0x43: return BlockOps.Number(f.Env, f);
            case 0x44: return BlockOps.PrevRandao(f.Env, f);
            case 0x45: return BlockOps.GasLimit(f.Env, f);
            case 0x46: return BlockOps.ChainId(f.Env, f);
            case 0x47: return EnvironmentOps.SelfBalance(f.Env, f);
            case 0x48: return BlockOps.BaseFee(f.Env, f);
            case 0x49: return BlockOps.BlobHash(f.Env, f);
            case 0x4a: return BlockOps.BlobBaseFee(f.Env, f);
            case 0x5c: return StorageOps.TLoad(f.Env, f);
            case 0x5d: return StorageOps.TStore(f.Env, f);
            case 0x5e: return MemoryOps.MCopy(f);
            case 0xa0: case 0xa1: case 0xa2: case 0xa3: case 0xa4: return LogOps.Log(f.Env, f, op - 0xa0);
            default: throw new InvalidOperationException($"opcode 0x{op:x2} is not a frame instruction");
        }
    }
}
