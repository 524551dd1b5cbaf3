using System.Text.Json;
using Rollup.Core.Numerics;

namespace Rollup.Sequencer.Chain;

/// <summary>Numbers in configuration files as people and tools write them: JSON numbers, decimal strings or
/// 0x-hex strings.</summary>
internal static class JsonNumbers
{
    public static UInt256 ToUInt256(JsonElement e, string what) => e.ValueKind switch
    {
        JsonValueKind.Number when e.TryGetUInt64(out var n) => n,
        JsonValueKind.Number => UInt256.Parse(e.GetRawText()),
        JsonValueKind.String when UInt256.TryParse(e.GetString(), out var v) => v,
        _ => throw new FormatException($"{what}: '{e.GetRawText()}' is not a number (decimal or 0x-hex)"),
    };

    public static ulong ToUInt64(JsonElement e, string what)
    {
        var v = ToUInt256(e, what);
        if (!v.FitsInUlong) throw new FormatException($"{what}: {v} does not fit in 64 bits");
        return (ulong)v;
    }
}
