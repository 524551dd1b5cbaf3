using Rollup.Circuits.StateTree;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Evm.State;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Checking;
using Rollup.Plonk.Circuit;
using Rollup.State;
using Rollup.State.Store;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests;

/// <summary>The state transition on a real batch (ETH transfers between existing accounts, a new coinbase account, a
/// contract call that SLOADs a present and an absent slot): the regions' chain goes from the root the node computes for
/// the pre-state to the root the node computes after committing the batch; the honest witness satisfies every
/// constraint; every cell of the binding is caught when changed; and each lie about the transition is named.</summary>
public class StateTransitionTests(ITestOutputHelper output)
{
    private static readonly UInt256 Stored = new(0x1234_5678);
    private static readonly UInt256 Untouched = new(9);

    private static Address Contract;

    private static TransactionBatch Batch()
    {
        var batch = new TransactionBatch();
        var code = new BytecodeBuilder().Push(1).Op(Opcode.SLOAD).Op(Opcode.POP).Push(2).Op(Opcode.SLOAD).Op(Opcode.POP).Op(Opcode.STOP).Build();
        Contract = batch.Deploy(code, storage: [new(UInt256.One, Stored), new(Untouched, new UInt256(99))], balance: 1_000);
        batch.Call(TransactionBatch.Bob.Address, value: 777, gas: 0);
        batch.Call(TransactionBatch.Alice.Address, from: TransactionBatch.Bob, value: 1, gas: 0);
        batch.Call(Contract, value: 5);
        batch.Call(Contract, from: TransactionBatch.Bob);
        return batch;
    }

    private IReadOnlyList<ConstraintFailure> Check(TransitionBed.Built b, int max = 20)
    {
        var failures = new ConstraintChecker { MaxFailures = max }.Check(b.Assignment);
        foreach (var f in failures.Take(6)) output.WriteLine(f.ToString());
        return failures;
    }

    /// <summary>A failure of the named lookup, or of the gate polynomial so named (reported as "gate: polynomial").</summary>
    private static bool Named(ConstraintFailure f, string name) => f.Name == name || f.Name.EndsWith(": " + name);

    private static StateChanges Everything(InMemoryStateSource state)
    {
        var changes = new StateChanges();
        foreach (var (address, account) in state.Accounts)
        {
            changes.Accounts[address] = account;
            changes.Storage[address] = state.StorageOf(address).ToDictionary(kv => kv.Key, kv => kv.Value);
            changes.Code[account.CodeHash] = state.GetCode(account.CodeHash);
        }
        return changes;
    }

    [Fact]
    public void The_regions_go_from_the_nodes_previous_root_to_its_new_root()
    {
        var b = TransitionBed.Build(Batch());
        var dir = Path.Combine(Path.GetTempPath(), "trietie-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var store = StateStore.Open(dir);
            var state = store.At(StateRoot.Empty);
            state.Commit(Everything(b.Batch.PreState!));
            Assert.Equal(state.Root, b.Witness.PreviousRoot);
            foreach (var changes in b.Batch.Changes) state.Commit(changes);
            Assert.Equal(state.Root, b.Witness.NewRoot);
            Assert.NotEqual(b.Witness.PreviousRoot, b.Witness.NewRoot);
        }
        finally { Directory.Delete(dir, recursive: true); }
        var a = b.Assignment;
        Assert.Equal(b.Witness.PreviousRoot, a[b.Transition.PreviousRootCell.Column, b.Transition.PreviousRootCell.Row]);
        Assert.Equal(b.Witness.NewRoot, a[b.Transition.NewRootCell.Column, b.Transition.NewRootCell.Row]);
        // The limbs as docs/l1.md splits a 32-byte value: high 16 bytes, low 16 bytes.
        var two128 = System.Numerics.BigInteger.One << 128;
        var l = b.Transition.Limbs;
        foreach (var (root, hi, lo) in new[] { (b.Witness.PreviousRoot, l.PreviousHi, l.PreviousLo), (b.Witness.NewRoot, l.NewHi, l.NewLo) })
        {
            Assert.Equal(Fr.FromBigInteger(root.ToBigInteger() / two128), a[hi.Column, hi.Row]);
            Assert.Equal(Fr.FromBigInteger(root.ToBigInteger() % two128), a[lo.Column, lo.Row]);
        }
        foreach (var ((address, tag, key), (initial, final)) in b.Witness.Touched) output.WriteLine($"{tag} {address} {key}: {initial} -> {final}");
        output.WriteLine($"{b.Witness.Updates.Count} regions: {b.Witness.PreviousRoot} -> {b.Witness.NewRoot}");
    }

    [Fact]
    public void Storage_writes_and_a_reverted_transaction_reach_the_nodes_new_root()
    {
        // SSTOREs that set a new slot, change one and clear one (a trie deletion), then a transaction whose SSTORE and
        // value transfer are reverted: the regions still go from the node's previous root to its new root, and the
        // honest witness satisfies every constraint.
        var batch = new TransactionBatch();
        var writer = new BytecodeBuilder().Push(7).Push(1).Op(Opcode.SSTORE).Push(8).Push(2).Op(Opcode.SSTORE)
            .Push(0).Push(3).Op(Opcode.SSTORE).Op(Opcode.STOP).Build();
        var reverter = new BytecodeBuilder().Push(5).Push(1).Op(Opcode.SSTORE).Push(0).Push(0).Op(Opcode.REVERT).Build();
        var w = batch.Deploy(writer, storage: [new(new UInt256(2), new UInt256(20)), new(new UInt256(3), new UInt256(30))], balance: 10);
        var r = batch.Deploy(reverter, storage: [new(UInt256.One, new UInt256(11))], balance: 10);
        batch.Call(w);
        batch.Call(r, value: 3, from: TransactionBatch.Bob);
        var b = TransitionBed.Build(batch, mustSucceed: false);
        var dir = Path.Combine(Path.GetTempPath(), "trietie-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var store = StateStore.Open(dir);
            var state = store.At(StateRoot.Empty);
            state.Commit(Everything(b.Batch.PreState!));
            Assert.Equal(state.Root, b.Witness.PreviousRoot);
            // The same transition built from the node's RocksDB store (as the prover does), not from an in-memory tree.
            var fromStore = StateTransitionBuilder.Build(store, state.Root, b.Log);
            Assert.Equal(b.Witness.NewRoot, fromStore.NewRoot);
            Assert.Equal(b.Witness.Updates.Count, fromStore.Updates.Count);
            foreach (var changes in b.Batch.Changes) state.Commit(changes);
            Assert.Equal(state.Root, b.Witness.NewRoot);
        }
        finally { Directory.Delete(dir, recursive: true); }
        Assert.Empty(Check(b));
    }

    [Fact]
    public void An_honest_batch_satisfies_every_constraint_and_every_binding_cell_is_caught()
    {
        var b = TransitionBed.Build(Batch());
        Assert.Empty(Check(b));
        var t = b.Transition;
        output.WriteLine($"{b.Witness.Updates.Count} regions of {t.Smt.Capacity}, {t.Poseidon.RowCount} Poseidon rows, 2^{b.Assignment.K} rows, degree {b.Circuit.System.Degree}");
        var plain = new SuperCircuit(b.Circuit.Evm.Gadgets).System;
        var cs = b.Circuit.System;
        output.WriteLine($"columns: advice {plain.AdviceColumns.Count} -> {cs.AdviceColumns.Count}, fixed {plain.FixedColumns.Count} -> {cs.FixedColumns.Count}, lookups {plain.Lookups.Count} -> {cs.Lookups.Count}");

        var report = new MutationReport();
        var a = b.Assignment;
        var checker = new LocalChecker(a) { MaxFailures = 1 };
        void Try(string owner, Column column, int row)
        {
            var original = a[column, row];
            a[column, row] = original + Fr.One;
            report.Add(owner, checker.CheckChanged((column, row)).Count > 0, $"{column.Name}[{row}]");
            a[column, row] = original;
        }
        for (int row = t.SmtStart; row < t.SmtStart + t.Smt.RowCount; row++)
            foreach (var column in t.RegionAdviceColumns) Try("regions", column, row);
        for (int row = 0; row < b.RwRows; row++)
            foreach (var column in t.Keys.AdviceColumns) Try("rw keys", column, row);
        int limbs = t.SmtStart + t.Smt.RowCount;
        for (int row = limbs; row < limbs + RootLimbs.Rows; row++)
            foreach (var column in t.Limbs.AdviceColumns) Try("root limbs", column, row);
        report.AssertAllCaught(output);
    }

    /// <summary>The real prover and verifier on the super circuit with the transition: the statement's root limbs are
    /// copies of the transition's, so the proof verifies against the node's roots only — not against another new root —
    /// and a proof of the same witness with one account's final balance off by one does not verify.</summary>
    [Fact]
    public void The_super_circuit_with_the_transition_proves_and_a_wrong_final_balance_does_not()
    {
        var b = TransitionBed.Build(Batch());
        var a = b.Assignment;
        Assert.Empty(Check(b));
        var statement = b.Circuit.PublicInputs.Read(a);
        static (Fr Hi, Fr Lo) Limbs(Fr root)
        {
            var v = root.ToBigInteger();
            return (Fr.FromBigInteger(v >> 128), Fr.FromBigInteger(v & ((System.Numerics.BigInteger.One << 128) - 1)));
        }
        Assert.Equal(Limbs(b.Witness.PreviousRoot), (statement[0], statement[1]));
        Assert.Equal(Limbs(b.Witness.NewRoot), (statement[2], statement[3]));

        var srs = Rollup.Crypto.Kzg.Srs.InsecureFromSeed(a.Rows, "state transition"u8);
        var pk = Rollup.Plonk.Keys.KeyGenerator.Generate(a, srs);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var proof = Rollup.Plonk.Proving.Prover.Prove(pk, a, [statement]).ToBytes();
        output.WriteLine($"proved {b.Witness.Updates.Count} regions and {b.RwRows - 2} accesses on 2^{a.K} rows in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [statement], proof));
        var otherRoot = statement.ToArray();
        otherRoot[3] += Fr.One;
        Assert.False(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [otherRoot], proof));

        // A statement whose new root differs from the transition's: the checker names the broken copy.
        a[b.Circuit.PublicInputs.Instance, 3] += Fr.One;
        Assert.Contains(new ConstraintChecker { MaxFailures = 5 }.Check(a), f => f.ToString().Contains("copy 'public_inputs[3] == rl_acc"));
        a[b.Circuit.PublicInputs.Instance, 3] -= Fr.One;

        var t = b.Transition;
        int row = Enumerable.Range(t.SmtStart, t.Smt.RowCount).First(r => a[t.FieldKey, r] == Fr.FromUInt64(2) && !a[t.Touched, r].IsZero);
        a[t.NewLo, row] += Fr.One;
        var bad = Rollup.Plonk.Proving.Prover.Prove(pk, a, [statement]).ToBytes();
        Assert.False(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [statement], bad));
    }

    private static Func<(Address Address, RwTag Tag, UInt256 Key), UInt256, UInt256> Bump(Address address, RwTag tag, UInt256 key) =>
        (k, final) => k == (address, tag, key) ? final + UInt256.One : final;

    [Fact]
    public void A_wrong_initial_value_is_named()
    {
        var balance = new UInt256((ulong)AccountField.Balance);
        var b = TransitionBed.Build(Batch(), new TransitionBed.Lies
        {
            PreState = s => { s.TryGetAccount(TransactionBatch.Alice.Address, out var alice); s.SetAccount(TransactionBatch.Alice.Address, alice.Nonce, alice.Balance + UInt256.One, []); },
        });
        Assert.Contains(Check(b), f => Named(f, "state transition: an account field's initial and final values are its account region's"));

        b = TransitionBed.Build(Batch(), new TransitionBed.Lies
        {
            PreState = s => s.SetAccount(Contract, 1, new UInt256(1_000), s.GetCode(s.Accounts.First(kv => kv.Key == Contract).Value.CodeHash),
                [new(UInt256.One, Stored + UInt256.One), new(Untouched, new UInt256(99))]),
        });
        Assert.Contains(Check(b), f => Named(f, "state transition: a slot's initial and final values are its region's"));
    }

    [Fact]
    public void A_wrong_final_value_is_named()
    {
        var b = TransitionBed.Build(Batch(), new TransitionBed.Lies { Final = Bump(TransactionBatch.Bob.Address, RwTag.Account, new UInt256((ulong)AccountField.Balance)) });
        var failures = Check(b);
        Assert.Contains(failures, f => Named(f, "state transition: an account field's initial and final values are its account region's"));
        Assert.Contains(failures, f => Named(f, "state transition: a changed account field is the table's final value"));

        b = TransitionBed.Build(Batch(), new TransitionBed.Lies { Final = Bump(Contract, RwTag.Storage, new UInt256(2)) });
        Assert.Contains(Check(b), f => Named(f, "state transition: a slot's initial and final values are its region's"));
    }

    /// <summary>A region whose first shared sibling is off by one: its paths hash (the witness is built from the lie) to
    /// roots that do not continue the chain.</summary>
    [Fact]
    public void A_wrong_merkle_sibling_is_named()
    {
        var b = TransitionBed.Build(Batch(), new TransitionBed.Lies
        {
            Witness = w =>
            {
                int i = w.Updates.ToList().FindIndex(u => u.Trie.IsZero && u.OldSiblings.Count > 1);
                var u = w.Updates[i];
                Fr[] Bumped(IReadOnlyList<Fr> s) => s.Select((x, j) => j == 1 ? x + Fr.One : x).ToArray();
                var updates = w.Updates.ToList();
                updates[i] = u with { OldSiblings = Bumped(u.OldSiblings), NewSiblings = Bumped(u.NewSiblings) };
                return w with { Updates = updates };
            },
        });
        Assert.Contains(Check(b), f => Named(f, "updates of one trie chain"));
    }

    /// <summary>The root's limbs are its one canonical split: the bytes of root + r (another pair of 128-bit limbs for the
    /// same field element) are refused by the comparison with r.</summary>
    [Fact]
    public void Non_canonical_root_limbs_are_named()
    {
        var b = TransitionBed.Build(Batch());
        var a = b.Assignment;
        var l = b.Transition.Limbs;
        int start = b.Transition.SmtStart + b.Transition.Smt.RowCount;
        var lifted = b.Witness.PreviousRoot.ToBigInteger() + Fr.Modulus;
        Assert.True(lifted < System.Numerics.BigInteger.One << 256);
        var word = new byte[32];
        var bytes = lifted.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(word, 32 - bytes.Length);
        var rBytes = Fr.Modulus.ToByteArray(isUnsigned: true, isBigEndian: true);
        System.Numerics.BigInteger acc = 0;
        bool eqSoFar = true, below = false;
        for (int i = 0; i < 32; i++)
        {
            int row = start + i;
            byte v = word[i], rv = rBytes[i];
            if (i % 16 == 0) acc = 0;
            acc = acc * 256 + v;
            a.Assign(l.Byte, row, v);
            a[l.Acc, row] = Fr.FromBigInteger(acc);
            a.Assign(l.Lt, row, v < rv ? 1UL : 0UL);
            a.Assign(l.Eq, row, v == rv ? 1UL : 0UL);
            a.Assign(l.Diff, row, v < rv ? (ulong)(rv - 1 - v) : v > rv ? (ulong)(v - rv - 1) : 0UL);
            below |= eqSoFar && v < rv;
            eqSoFar &= v == rv;
            a.Assign(l.EqSoFar, row, eqSoFar ? 1UL : 0UL);
            a.Assign(l.Below, row, below ? 1UL : 0UL);
        }
        var failures = Check(b);
        Assert.Contains(failures, f => Named(f, "the root is below r"));
        Assert.DoesNotContain(failures, f => Named(f, "the root is hi·2^128 + lo"));
    }

    [Fact]
    public void A_wrong_previous_root_is_named()
    {
        var b = TransitionBed.Build(Batch(), new TransitionBed.Lies { Witness = w => w with { PreviousRoot = w.PreviousRoot + Fr.One } });
        Assert.Contains(Check(b), f => Named(f, "the previous root is the account chain's first old root"));
    }

    /// <summary>A new root that is not the batch's: one more update (Alice credited 1 wei on top of the batch's tree, built
    /// by the node's trie code) after the real regions, passed off as padding.</summary>
    [Fact]
    public void A_wrong_new_root_is_named()
    {
        var batch = Batch();
        var b = TransitionBed.Build(batch, new TransitionBed.Lies
        {
            Witness = w =>
            {
                batch.State.TryGetAccount(TransactionBatch.Alice.Address, out var alice);
                var credit = new RwEntry(0, true, RwTag.Account, 0, TransactionBatch.Alice.Address, new UInt256((ulong)AccountField.Balance),
                    alice.Balance + UInt256.One, alice.Balance, alice.Balance);
                var extra = StateTransitionBuilder.Build(batch.State, [credit]);
                Assert.Equal(w.NewRoot, extra.PreviousRoot);
                return w with { Updates = [.. w.Updates, .. extra.Updates], RealRegions = w.Updates.Count };
            },
        });
        Assert.Contains(Check(b), f => Named(f, "a padding region changes nothing"));
    }

    [Fact]
    public void A_dropped_region_is_named()
    {
        // The absent slot 2 is only read: dropping its region leaves the chain whole.
        var slot2 = Rollup.State.Leaves.StateKeys.Storage(new UInt256(2));
        var b = TransitionBed.Build(Batch(), new TransitionBed.Lies { Witness = w => w with { Updates = w.Updates.Where(u => u.Key != slot2).ToList() } });
        var failures = Check(b);
        Assert.Contains(failures, f => Named(f, "state transition: a slot's initial and final values are its region's"));
        Assert.Contains(failures, f => Named(f, "one real region per slot and address of the table"));
    }

    [Fact]
    public void An_extra_region_is_named()
    {
        var slot2 = Rollup.State.Leaves.StateKeys.Storage(new UInt256(2));
        var b = TransitionBed.Build(Batch(), new TransitionBed.Lies
        {
            Witness = w =>
            {
                var updates = w.Updates.ToList();
                int i = updates.FindIndex(u => u.Key == slot2);
                updates.Insert(i, updates[i]);
                return w with { Updates = updates };
            },
        });
        Assert.Contains(Check(b), f => Named(f, "one real region per slot and address of the table"));
    }

    [Fact]
    public void A_region_for_an_untouched_key_is_named()
    {
        // The regions are built from a log with one more read (slot 9, which the batch never touches).
        var b = TransitionBed.Build(Batch(), new TransitionBed.Lies
        {
            Log = rw => [.. rw, new RwEntry(rw.Max(e => e.RwCounter) + 1, false, RwTag.Storage, 0, Contract, Untouched, new UInt256(99), new UInt256(99), new UInt256(99))],
        });
        Assert.Contains(b.Witness.Updates, u => u.Key == Rollup.State.Leaves.StateKeys.Storage(Untouched));
        Assert.Contains(Check(b), f => Named(f, "one real region per slot and address of the table"));
    }

    /// <summary>With no priority fee the coinbase (which has no account) is paid nothing: its balance is touched and stays
    /// zero, so the node keeps it absent; a region that gives it an empty leaf (another new root for the same state) is
    /// refused.</summary>
    [Fact]
    public void An_empty_account_kept_as_a_leaf_is_named()
    {
        static TransactionBatch WithEmpty()
        {
            var batch = new TransactionBatch();
            batch.Call(TransactionBatch.Bob.Address, value: 777, gas: 0, maxPriorityFee: 0);
            return batch;
        }
        var honest = TransitionBed.Build(WithEmpty());
        Assert.Empty(Check(honest));
        Assert.Contains(honest.Witness.Touched.Keys, k => k.Address == honest.Batch.Block.Coinbase);
        var b = TransitionBed.Build(WithEmpty(), new TransitionBed.Lies { KeepEmptyAccounts = true });
        Assert.Contains(Check(b), f => Named(f, "a new account leaf is not the empty account"));
    }

    [Fact]
    public void Swapped_regions_are_named()
    {
        var b = TransitionBed.Build(Batch(), new TransitionBed.Lies
        {
            Witness = w =>
            {
                var updates = w.Updates.ToList();
                int i = updates.FindIndex(u => u.Trie.IsZero);
                (updates[i], updates[i + 1]) = (updates[i + 1], updates[i]);
                return w with { Updates = updates };
            },
        });
        Assert.Contains(Check(b), f => Named(f, "updates of one trie chain"));
    }
}
