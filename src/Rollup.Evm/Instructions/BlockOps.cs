using Rollup.Core.Numerics;
using Rollup.Evm.Execution;

namespace Rollup.Evm.Instructions;

/// <summary>The instructions that read the block: BLOCKHASH, COINBASE .. BLOBBASEFEE.</summary>
internal static unsafe class BlockOps
{
    private static void Push(CallFrame f, in UInt256 value) => f.StackPointer[f.StackSize++] = value;

    public static ExitReason BlockHash(ExecutionEnvironment env, CallFrame f)
    {
        ref var top = ref f.StackPointer[f.StackSize - 1];
        ulong current = env.Block.Number;
        // Only the 256 most recent complete blocks are visible; anything else reads as zero.
        top = top.FitsInUlong && top.U0 < current && current - top.U0 <= 256
            ? EvmWord.FromHash(env.Block.GetBlockHash(top.U0))
            : UInt256.Zero;
        return ExitReason.Running;
    }

    public static ExitReason Coinbase(ExecutionEnvironment env, CallFrame f) { Push(f, EvmWord.FromAddress(env.Block.Coinbase)); return ExitReason.Running; }
    public static ExitReason Timestamp(ExecutionEnvironment env, CallFrame f) { Push(f, new UInt256(env.Block.Timestamp)); return ExitReason.Running; }
    public static ExitReason Number(ExecutionEnvironment env, CallFrame f) { Push(f, new UInt256(env.Block.Number)); return ExitReason.Running; }
    public static ExitReason GasLimit(ExecutionEnvironment env, CallFrame f) { Push(f, new UInt256(env.Block.GasLimit)); return ExitReason.Running; }
    public static ExitReason ChainId(ExecutionEnvironment env, CallFrame f) { Push(f, new UInt256(env.Block.ChainId)); return ExitReason.Running; }
    public static ExitReason BaseFee(ExecutionEnvironment env, CallFrame f) { Push(f, env.Block.BaseFee); return ExitReason.Running; }
    public static ExitReason BlobBaseFee(ExecutionEnvironment env, CallFrame f) { Push(f, env.Block.BlobBaseFee); return ExitReason.Running; }

    /// <summary>0x44: DIFFICULTY before the merge, PREVRANDAO (EIP-4399) after.</summary>
    public static ExitReason PrevRandao(ExecutionEnvironment env, CallFrame f)
    {
        Push(f, env.Rules.IsParis ? env.Block.PrevRandao : env.Block.Difficulty);
        return ExitReason.Running;
    }

    /// <summary>EIP-4844 BLOBHASH: the transaction's i-th versioned hash, or zero past the end.</summary>
    public static ExitReason BlobHash(ExecutionEnvironment env, CallFrame f)
    {
        ref var top = ref f.StackPointer[f.StackSize - 1];
        top = top.FitsInUlong && top.U0 < (ulong)env.BlobHashes.Count ? EvmWord.FromHash(env.BlobHashes[(int)top.U0]) : UInt256.Zero;
        return ExitReason.Running;
    }
}
