using System.Text.Json;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Encoding;
using Rollup.Core.Types;
using Rollup.Evm.State;
using Rollup.State.Leaves;
using Rollup.State.Store;
using Rollup.State.Tests.Support;

namespace Rollup.State.Tests.State;

/// <summary>Whole-state roots against js/smt-reference.mjs: account keys, the account value hash, the Poseidon code
/// hash, storage keys and values and the trie, all computed again in JavaScript with circomlibjs.</summary>
public class ReferenceStateRootTests
{
    /// <summary>One account (0x…01, nonce 1, balance 16, no code, slot 1 = 2); root from circomlibjs.</summary>
    [Fact]
    public void PinnedTinyState()
    {
        using var dir = new TempDirectory();
        using var store = StateStore.Open(dir.Path);
        var state = store.At(StateRoot.Empty);
        var address = Address.Parse("0x0000000000000000000000000000000000000001");
        var changes = new StateChanges();
        changes.Accounts[address] = new AccountData(1, new UInt256(16), AccountData.EmptyCodeHash);
        changes.Storage[address] = new() { [UInt256.One] = new UInt256(2) };
        state.Commit(changes);
        Assert.Equal("0x29176100eaa962bdc1fe6c654d6a3c130e96a4d1168b33848b897dc502820133", StateKeys.Account(address).ToString());
        Assert.Equal("0x07c5e5f0bba8eb58c3a984c6e31e69c7e7ab836671c1ea829493eaa6ad5480d1", state.Root.ToString());
    }

    [Fact]
    public void RandomStatesEqualTheJavaScriptReference()
    {
        using var dir = new TempDirectory();
        using var store = StateStore.Open(dir.Path);
        var universe = new RandomChanges(21, addressCount: 40);
        var expected = new InMemoryStateSource();
        var state = store.At(StateRoot.Empty);
        for (int block = 0; block < 3; block++)
        {
            var changes = universe.Next(expected);
            expected.Apply(changes);
            state.Commit(changes);
        }
        // An empty account and code longer than one 465-byte group exercise the edges of the format.
        var extra = new StateChanges();
        var empty = RandomChanges.AddressOf(21, 500);
        extra.Accounts[empty] = AccountData.Empty;
        byte[] code = [.. Enumerable.Range(0, 1000).Select(i => (byte)(i * 7))];
        var codeHash = Keccak256.Hash(code);
        var contract = RandomChanges.AddressOf(21, 501);
        extra.Code[codeHash] = code;
        extra.Accounts[contract] = new AccountData(1, UInt256.Zero, codeHash);
        expected.Apply(extra);
        state.Commit(extra);

        var accounts = expected.Accounts.Select(kv => new
        {
            address = kv.Key.ToString(),
            nonce = kv.Value.Nonce.ToString(),
            balance = Hex.ToHex(kv.Value.Balance.ToBigEndian()),
            codeHash = kv.Value.CodeHash.ToString(),
            code = Hex.ToHex(expected.GetCode(kv.Value.CodeHash)),
            storage = expected.StorageOf(kv.Key).Select(s => new[] { Hex.ToHex(s.Key.ToBigEndian()), Hex.ToHex(s.Value.ToBigEndian()) }),
        }).ToList();
        using var reference = SmtReference.Run("state", JsonSerializer.Serialize(new { accounts }));
        Assert.Equal(reference.RootElement.GetProperty("root").GetString(), state.Root.ToString());

        int checkedAccounts = 0;
        foreach (var a in reference.RootElement.GetProperty("accounts").EnumerateArray())
        {
            Assert.True(state.TryGetAccountLeaf(Address.Parse(a.GetProperty("address").GetString()!), out var leaf));
            Assert.Equal(a.GetProperty("storageRoot").GetString(), leaf.StorageRoot.ToString());
            Assert.Equal(a.GetProperty("poseidonCodeHash").GetString(), leaf.PoseidonCodeHash.ToString());
            Assert.Equal(a.GetProperty("valueHash").GetString(), leaf.ValueHash().ToString());
            checkedAccounts++;
        }
        Assert.Equal(expected.Accounts.Count(kv => !kv.Value.IsEmpty), checkedAccounts);
        Assert.False(state.TryGetAccount(empty, out _));
        Assert.Equal(1000UL, state.TryGetAccountLeaf(contract, out var c) ? c.CodeSize : 0);
    }
}
