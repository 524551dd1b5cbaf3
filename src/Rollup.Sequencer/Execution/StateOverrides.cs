using System.Text.Json;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.State;
using Rollup.Sequencer.Rpc;

namespace Rollup.Sequencer.Execution;

/// <summary>One account's override in eth_call's third parameter: balance, nonce, code, and either the whole storage
/// ("state") or some slots ("stateDiff").</summary>
public sealed record AccountOverride(UInt256? Balance, ulong? Nonce, byte[]? Code,
    IReadOnlyDictionary<UInt256, UInt256>? State, IReadOnlyDictionary<UInt256, UInt256>? StateDiff)
{
    public Hash256? CodeHash => Code is null ? null : Code.Length == 0 ? AccountData.EmptyCodeHash : Keccak256.Hash(Code);
}

/// <summary>A state seen through eth_call's state overrides: the overridden fields win, everything else reads through.</summary>
public sealed class OverlayStateSource(IStateSource inner, IReadOnlyDictionary<Address, AccountOverride> overrides) : IStateSource
{
    public static Dictionary<Address, AccountOverride> Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new FormatException($"json: cannot unmarshal {RpcParams.Kind(e)} into Go value of type ethapi.StateOverride");
        var result = new Dictionary<Address, AccountOverride>();
        foreach (var property in e.EnumerateObject())
        {
            var address = RpcHex.ParseAddress(property.Name);
            var o = property.Value;
            var state = Slots(o, "state");
            var diff = Slots(o, "stateDiff");
            if (state is not null && diff is not null) throw new FormatException($"account {address} has both 'state' and 'stateDiff'");
            result[address] = new AccountOverride(
                o.TryGetProperty("balance", out var b) && b.ValueKind != JsonValueKind.Null ? RpcParams.Quantity(b) : null,
                o.TryGetProperty("nonce", out var n) && n.ValueKind != JsonValueKind.Null ? RpcParams.UInt64(n) : null,
                o.TryGetProperty("code", out var c) && c.ValueKind != JsonValueKind.Null ? RpcParams.Data(c) : null,
                state, diff);
        }
        return result;
    }

    private static Dictionary<UInt256, UInt256>? Slots(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var slots) || slots.ValueKind == JsonValueKind.Null) return null;
        var result = new Dictionary<UInt256, UInt256>();
        foreach (var slot in slots.EnumerateObject())
            result[UInt256.FromBigEndian(RpcHex.ParseHash(slot.Name).Bytes)] = UInt256.FromBigEndian(RpcParams.Hash(slot.Value).Bytes);
        return result;
    }

    public bool TryGetAccount(in Address address, out AccountData account)
    {
        bool exists = inner.TryGetAccount(address, out account);
        if (!overrides.TryGetValue(address, out var o)) return exists;
        if (!exists) account = AccountData.Empty;
        account = new AccountData(o.Nonce ?? account.Nonce, o.Balance ?? account.Balance, o.CodeHash ?? account.CodeHash);
        return true;
    }

    public UInt256 GetStorage(in Address address, in UInt256 key)
    {
        if (overrides.TryGetValue(address, out var o))
        {
            if (o.State is { } state) return state.TryGetValue(key, out var v) ? v : UInt256.Zero;
            if (o.StateDiff is { } diff && diff.TryGetValue(key, out var d)) return d;
        }
        return inner.GetStorage(address, key);
    }

    public bool HasStorage(in Address address)
    {
        if (overrides.TryGetValue(address, out var o))
        {
            if (o.State is { } state) return state.Values.Any(v => !v.IsZero);
            if (o.StateDiff is { } diff && diff.Values.Any(v => !v.IsZero)) return true;
        }
        return inner.HasStorage(address);
    }

    public byte[] GetCode(in Hash256 codeHash)
    {
        foreach (var o in overrides.Values)
            if (o.Code is { } code && o.CodeHash == codeHash) return code;
        return inner.GetCode(codeHash);
    }
}
