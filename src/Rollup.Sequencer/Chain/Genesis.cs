using System.Text.Json;
using Rollup.Core.Blocks;
using Rollup.Core.Crypto;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.State;

namespace Rollup.Sequencer.Chain;

/// <summary>One pre-funded account of the genesis state.</summary>
public sealed record GenesisAccount(UInt256 Balance, ulong Nonce = 0, byte[]? Code = null, IReadOnlyDictionary<UInt256, UInt256>? Storage = null);

/// <summary>The chain's first block and state, from a JSON file in geth's style (see docs/node.md):
/// <c>{"chainId": 901, "gasLimit": "0x1c9c380", "baseFeePerGas": "0x3b9aca00", "timestamp": "0x0",
/// "alloc": {"0xaddr": {"balance": "...", "nonce": "0x0", "code": "0x...", "storage": {"0x0": "0x1"}}}}</c>.
/// The chain id may also sit in geth's <c>config.chainId</c>.</summary>
public sealed class Genesis
{
    public ulong ChainId { get; init; } = 901;
    public ulong GasLimit { get; init; } = 30_000_000;
    public UInt256 BaseFeePerGas { get; init; } = 1_000_000_000;
    public ulong Timestamp { get; init; }
    public byte[] ExtraData { get; init; } = [];
    public Address Coinbase { get; init; }
    public Dictionary<Address, GenesisAccount> Alloc { get; init; } = [];

    public static Genesis Load(string path) => Parse(File.ReadAllText(path));

    public static Genesis Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = doc.RootElement;
        ulong chainId = 901;
        if (root.TryGetProperty("chainId", out var id)) chainId = JsonNumbers.ToUInt64(id, "chainId");
        else if (root.TryGetProperty("config", out var config) && config.TryGetProperty("chainId", out var cid)) chainId = JsonNumbers.ToUInt64(cid, "config.chainId");

        var alloc = new Dictionary<Address, GenesisAccount>();
        if (root.TryGetProperty("alloc", out var accounts))
        {
            foreach (var entry in accounts.EnumerateObject())
            {
                var address = Address.Parse(entry.Name.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? entry.Name : "0x" + entry.Name);
                var a = entry.Value;
                var storage = new Dictionary<UInt256, UInt256>();
                if (a.TryGetProperty("storage", out var slots))
                    foreach (var slot in slots.EnumerateObject())
                        storage[UInt256.Parse(slot.Name)] = JsonNumbers.ToUInt256(slot.Value, $"alloc {entry.Name} storage {slot.Name}");
                alloc[address] = new GenesisAccount(
                    a.TryGetProperty("balance", out var b) ? JsonNumbers.ToUInt256(b, $"alloc {entry.Name} balance") : UInt256.Zero,
                    a.TryGetProperty("nonce", out var n) ? JsonNumbers.ToUInt64(n, $"alloc {entry.Name} nonce") : 0,
                    a.TryGetProperty("code", out var c) ? Hex.Parse(c.GetString() ?? "") : null,
                    storage);
            }
        }
        return new Genesis
        {
            ChainId = chainId,
            GasLimit = root.TryGetProperty("gasLimit", out var gl) ? JsonNumbers.ToUInt64(gl, "gasLimit") : 30_000_000,
            BaseFeePerGas = root.TryGetProperty("baseFeePerGas", out var bf) ? JsonNumbers.ToUInt256(bf, "baseFeePerGas") : 1_000_000_000,
            Timestamp = root.TryGetProperty("timestamp", out var ts) ? JsonNumbers.ToUInt64(ts, "timestamp") : 0,
            ExtraData = root.TryGetProperty("extraData", out var ed) ? Hex.Parse(ed.GetString() ?? "") : [],
            Coinbase = root.TryGetProperty("coinbase", out var cb) ? Address.Parse(cb.GetString()!) : Address.Zero,
            Alloc = alloc,
        };
    }

    /// <summary>The genesis state as a change set over the empty state.</summary>
    public StateChanges ToChanges()
    {
        var changes = new StateChanges();
        foreach (var (address, account) in Alloc)
        {
            var code = account.Code ?? [];
            var codeHash = code.Length == 0 ? AccountData.EmptyCodeHash : Keccak256.Hash(code);
            if (code.Length > 0) changes.Code[codeHash] = code;
            changes.Accounts[address] = new AccountData(account.Nonce, account.Balance, codeHash);
            if (account.Storage is { Count: > 0 } storage)
                changes.Storage[address] = storage.Where(kv => !kv.Value.IsZero).ToDictionary(kv => kv.Key, kv => kv.Value);
        }
        return changes;
    }

    /// <summary>Block 0 with the given state root. Cancun-shaped (the L2 runs Cancun rules): no withdrawals, no blob
    /// gas, a zero parent beacon root (an L2 has no beacon chain).</summary>
    public Block ToBlock(Hash256 stateRoot) => new()
    {
        Header = new BlockHeader
        {
            ParentHash = Hash256.Zero, Coinbase = Coinbase, StateRoot = stateRoot, Number = 0, GasLimit = GasLimit,
            GasUsed = 0, Timestamp = Timestamp, ExtraData = ExtraData, BaseFeePerGas = BaseFeePerGas,
            WithdrawalsRoot = BlockHeader.EmptyTrieRoot, BlobGasUsed = 0, ExcessBlobGas = 0, ParentBeaconBlockRoot = Hash256.Zero,
        },
        Withdrawals = [],
    };
}
