using Rollup.Core.Crypto;
using Rollup.Core.Rlp;
using Rollup.Core.Types;

namespace Rollup.Core.Chain;

/// <summary>RLP of logs as receipts carry them: each log rlp([address, [topics...], data]).</summary>
public static class LogsHash
{
    public static void WriteLog(RlpWriter w, LogEntry log)
    {
        int item = w.StartList();
        w.WriteBytes(log.Address.Bytes);
        int topics = w.StartList();
        foreach (var t in log.Topics) w.WriteBytes(t.Bytes);
        w.EndList(topics);
        w.WriteBytes(log.Data);
        w.EndList(item);
    }

    /// <summary>keccak256(rlp(logs)): the "logs" field of state-test fixtures.</summary>
    public static Hash256 Compute(IReadOnlyList<LogEntry> logs)
    {
        using var w = new RlpWriter();
        int list = w.StartList();
        foreach (var log in logs) WriteLog(w, log);
        w.EndList(list);
        return Keccak256.Hash(w.WrittenSpan);
    }
}
