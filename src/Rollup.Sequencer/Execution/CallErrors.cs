using System.Text.Json.Nodes;
using Rollup.Core.Numerics;
using Rollup.Evm.Execution;
using Rollup.Evm.Tracing.Geth;
using Rollup.Sequencer.Rpc;

namespace Rollup.Sequencer.Execution;

/// <summary>Failed calls as geth reports them: a revert is error 3, "execution reverted" (with ": reason" when the
/// data is a Solidity Error(string)) and the revert data; any other halt is a -32000 with geth's wording.</summary>
public static class CallErrors
{
    private static readonly byte[] ErrorSelector = [0x08, 0xc3, 0x79, 0xa0];

    public static RpcException From(CallOutcome outcome)
    {
        if (outcome.Reason == ExitReason.Revert)
        {
            var reason = DecodeReason(outcome.Output);
            return new RpcException(RpcException.RevertCode, reason is null ? "execution reverted" : "execution reverted: " + reason,
                JsonValue.Create(RpcHex.Data(outcome.Output)));
        }
        return RpcException.Server(StructLogger.Describe(outcome.Reason));
    }

    /// <summary>The string of an ABI-encoded Error(string), or null.</summary>
    public static string? DecodeReason(byte[] data)
    {
        if (data.Length < 4 + 64 || !data.AsSpan(0, 4).SequenceEqual(ErrorSelector)) return null;
        var offset = UInt256.FromBigEndian(data.AsSpan(4, 32));
        if (!offset.FitsInUlong || (ulong)offset > (ulong)data.Length) return null;
        int start = 4 + (int)(ulong)offset;
        if (start + 32 > data.Length) return null;
        var length = UInt256.FromBigEndian(data.AsSpan(start, 32));
        if (!length.FitsInUlong || start + 32 + (long)(ulong)length > data.Length) return null;
        return System.Text.Encoding.UTF8.GetString(data, start + 32, (int)(ulong)length);
    }
}
