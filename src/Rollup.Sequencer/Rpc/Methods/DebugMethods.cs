using System.Text.Json;
using System.Text.Json.Nodes;
using Rollup.Core.Numerics;
using Rollup.Evm.Tracing.Geth;
using Rollup.Sequencer.Execution;
using Rollup.Sequencer.Node;
using static Rollup.Sequencer.Rpc.RpcHex;

namespace Rollup.Sequencer.Rpc.Methods;

/// <summary>debug_traceTransaction with geth's default struct logger or its callTracer, by replaying the transaction
/// on its block's state.</summary>
public static class DebugMethods
{
    public static void Register(RpcMethodTable t, NodeContext node)
    {
        t.Add("debug_traceTransaction", p =>
        {
            p.AtMost(2);
            var hash = p.Required(0, RpcParams.Hash);
            var options = p.Has(1) ? p.Raw(1) : default;
            if (node.Chain.FindTransaction(hash) is not var (number, index)) throw RpcException.Server($"transaction {Data(hash.Bytes)} not found");
            var block = node.Chain.GetBlock(number)!;
            string? tracer = options.ValueKind == JsonValueKind.Object && options.TryGetProperty("tracer", out var tr) ? tr.GetString() : null;
            return tracer switch
            {
                null or "" or "structLogger" => StructLogs(node, block, index, options),
                "callTracer" => CallTrace(node, block, index, options),
                _ => throw RpcException.Server($"tracer {tracer} is not supported (structLogger, callTracer)"),
            };
        });
    }

    private static JsonObject StructLogs(NodeContext node, Core.Blocks.Block block, int index, JsonElement options)
    {
        bool Flag(string name) => options.ValueKind == JsonValueKind.Object && options.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        int limit = options.ValueKind == JsonValueKind.Object && options.TryGetProperty("limit", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : 0;
        var logger = new StructLogger(new StructLoggerOptions(Flag("disableStack"), Flag("disableStorage"), Flag("enableMemory"), limit));
        var result = TransactionReplayer.Replay(node, block, index, logger);
        var logs = new JsonArray();
        foreach (var s in logger.Logs)
        {
            var entry = new JsonObject
            {
                ["pc"] = s.Pc, ["op"] = s.Op, ["gas"] = s.Gas, ["gasCost"] = s.GasCost, ["depth"] = s.Depth,
            };
            if (s.Refund != 0) entry["refund"] = s.Refund;
            if (s.Error is { } err) entry["error"] = err;
            if (s.Stack is { } stack) entry["stack"] = new JsonArray([.. stack.Select(v => (JsonNode)Quantity(v))]);
            if (s.Memory is { } memory)
            {
                var words = new JsonArray();
                for (int i = 0; i < memory.Length; i += 32) words.Add(Convert.ToHexStringLower(memory, i, Math.Min(32, memory.Length - i)));
                entry["memory"] = words;
            }
            if (s.Storage is { } storage)
            {
                var slots = new JsonObject();
                foreach (var (k, v) in storage) slots[Convert.ToHexStringLower(k.ToBigEndian())] = Convert.ToHexStringLower(v.ToBigEndian());
                entry["storage"] = slots;
            }
            logs.Add(entry);
        }
        return new JsonObject
        {
            ["gas"] = result.GasUsed,
            ["failed"] = !result.Success,
            ["returnValue"] = Convert.ToHexStringLower(result.Output),
            ["structLogs"] = logs,
        };
    }

    private static JsonObject CallTrace(NodeContext node, Core.Blocks.Block block, int index, JsonElement options)
    {
        bool onlyTop = options.TryGetProperty("tracerConfig", out var config) && config.ValueKind == JsonValueKind.Object
                       && config.TryGetProperty("onlyTopCall", out var top) && top.ValueKind == JsonValueKind.True;
        var tracer = new CallTracer();
        var result = TransactionReplayer.Replay(node, block, index, tracer);
        var root = tracer.Root!;
        // geth reports the transaction's gas and gas used at the top, not the top frame's (which exclude intrinsic gas).
        var tx = block.Transactions[index];
        var json = Frame(root, onlyTop);
        json["gas"] = Quantity(tx.GasLimit);
        json["gasUsed"] = Quantity(result.GasUsed);
        return json;
    }

    private static JsonObject Frame(CallFrameTrace f, bool onlyTop)
    {
        var json = new JsonObject
        {
            ["type"] = f.Type,
            ["from"] = Data(f.From.Bytes),
            ["to"] = f.To is { } to ? Data(to.Bytes) : null,
            ["gas"] = Quantity((ulong)Math.Max(0, f.Gas)),
            ["gasUsed"] = Quantity((ulong)Math.Max(0, f.GasUsed)),
            ["input"] = Data(f.Input),
        };
        if (f.Value is { } value) json["value"] = Quantity(value);
        if (f.Output.Length > 0) json["output"] = Data(f.Output);
        if (f.Error is { } error)
        {
            json["error"] = error;
            if (error == "execution reverted" && CallErrors.DecodeReason(f.Output) is { } reason) json["revertReason"] = reason;
        }
        if (!onlyTop && f.Calls.Count > 0) json["calls"] = new JsonArray([.. f.Calls.Select(c => (JsonNode)Frame(c, false))]);
        return json;
    }
}
