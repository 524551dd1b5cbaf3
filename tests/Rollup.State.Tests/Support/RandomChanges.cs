using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.State;

namespace Rollup.State.Tests.Support;

/// <summary>Random blocks of state changes over a small universe of addresses, slots and codes, so that accounts
/// are created, updated and deleted and slots written, zeroed and cleared again and again.</summary>
internal sealed class RandomChanges(int seed, int addressCount = 24, int slotCount = 12)
{
    private readonly Random _rng = new(seed);

    public Address[] Addresses { get; } = [.. Enumerable.Range(1, addressCount).Select(i => AddressOf(seed, i))];
    public UInt256[] Slots { get; } = [.. Enumerable.Range(0, slotCount).Select(i => i < 4 ? new UInt256((ulong)i) : Word(seed * 1000 + i))];
    public byte[][] Codes { get; } = [.. new[] { 1, 31, 32, 100, 465, 466, 2000 }.Select(n => Bytes(seed * 7 + n, n))];

    public StateChanges Next(IStateSource current)
    {
        var changes = new StateChanges();
        foreach (var address in Addresses)
        {
            int roll = _rng.Next(100);
            if (roll < 45) continue;
            bool exists = current.TryGetAccount(address, out var account);
            if (roll < 55 && exists) { changes.Accounts[address] = null; continue; }
            if (roll < 60 && exists) changes.StorageCleared.Add(address);

            Hash256 codeHash = exists ? account.CodeHash : AccountData.EmptyCodeHash;
            if (!exists && _rng.Next(3) == 0)
            {
                byte[] code = Codes[_rng.Next(Codes.Length)];
                codeHash = Keccak256.Hash(code);
                changes.Code[codeHash] = code;
            }
            // Nonce ≥ 1 keeps every written account non-empty, as it always is after a Cancun transaction.
            ulong nonce = (exists ? account.Nonce : 0) + (ulong)_rng.Next(1, 3);
            changes.Accounts[address] = new AccountData(nonce, _rng.Next(4) == 0 ? UInt256.Zero : Word(_rng.Next()), codeHash);

            var writes = new Dictionary<UInt256, UInt256>();
            for (int i = _rng.Next(5); i > 0; i--)
                writes[Slots[_rng.Next(Slots.Length)]] = _rng.Next(3) == 0 ? UInt256.Zero : Word(_rng.Next());
            if (writes.Count > 0) changes.Storage[address] = writes;
        }
        // Storage written to an account that does not exist and is not created is dropped by every state.
        var ghost = AddressOf(seed, 999);
        changes.Storage[ghost] = new() { [UInt256.One] = UInt256.One };
        return changes;
    }

    /// <summary>Everything in <paramref name="state"/> as one change set: what a fresh tree needs to reach the same state.</summary>
    public static StateChanges Snapshot(InMemoryStateSource state)
    {
        var changes = new StateChanges();
        foreach (var (address, account) in state.Accounts)
        {
            changes.Accounts[address] = account;
            byte[] code = state.GetCode(account.CodeHash);
            if (code.Length > 0) changes.Code[account.CodeHash] = code;
            var slots = state.StorageOf(address);
            if (slots.Count > 0) changes.Storage[address] = new Dictionary<UInt256, UInt256>(slots);
        }
        return changes;
    }

    public static Address AddressOf(int seed, int i) =>
        new(Keccak256.Hash(BitConverter.GetBytes(seed * 100_000 + i)).Bytes[12..]);

    public static UInt256 Word(int seed)
    {
        var rng = new Random(seed);
        return new UInt256((ulong)rng.NextInt64(), (ulong)rng.NextInt64(), rng.Next(2) == 0 ? 0 : (ulong)rng.NextInt64(), (ulong)rng.NextInt64());
    }

    private static byte[] Bytes(int seed, int length)
    {
        var b = new byte[length];
        new Random(seed).NextBytes(b);
        return b;
    }
}
