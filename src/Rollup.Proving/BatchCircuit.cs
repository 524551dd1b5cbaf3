using Rollup.Circuits;
using Rollup.Circuits.Evm;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Proving;

/// <summary>The circuit every batch is proven with: the super circuit with every gadget (<see cref="GadgetRegistry.All"/>),
/// on a fixed 2^K rows. The generated L1 verifier is made for one circuit and one size, so the shape never follows the
/// batch: a batch that does not fit, or runs an opcode no gadget proves (CALL, CREATE, LOG, KECCAK256, the copies, …),
/// is refused (<see cref="BatchWitness"/>), never proven on another circuit.
/// <para>Why every gadget: one verifying key then serves every batch the circuits can prove, and it costs no rows. The
/// fixed tables of the whole set (bytes, opcode properties, nibble AND, shift bits) fit in well under 2^12 rows since
/// the bitwise gadget looks up nibbles, not bytes (a byte-AND table needed 2^17 rows, which is why the batch circuit
/// used to carry only stack, arithmetic and control-flow gadgets). The price is per proof, not per row: more
/// constraints in the quotient and the L1 verifier's program, and the lookup lanes the bitwise gadget's 64 nibble
/// lookups per step need (docs/circuits.md, "Lookup lanes").</para></summary>
public sealed class BatchCircuit
{
    /// <summary>The name `rollup l1 verifying-key --circuit` knows it by.</summary>
    public const string Name = "super";

    /// <summary>The default size: 2^12 rows hold 255 steps (16 rows each) and 4,094 reads and writes: about 80 plain
    /// transfers (3 steps, 35 accesses each) or a few dozen short contract calls per batch.</summary>
    public const int DefaultK = 12;

    /// <summary>The opcodes the batch circuit proves: every opcode some gadget proves (with padding, the begin and end of
    /// transactions and the error states, which come with the gadgets).</summary>
    public static readonly byte[] Opcodes = [.. GadgetRegistry.All().SelectMany(g => g.Opcodes).Distinct().Order()];

    public int K { get; }
    public SuperCircuit Circuit { get; }
    /// <summary>Whether the circuit includes the state transition (the statement's roots are then proven).</summary>
    public bool StateTransition => Circuit.Transition is not null;

    public BatchCircuit(int k, bool stateTransition = false)
    {
        if (stateTransition && k < MinimumTransitionK)
            throw new ArgumentException($"prover k {k} is too small for the state transition (at least {MinimumTransitionK})");
        Circuit = new SuperCircuit(GadgetRegistry.All(), stateTransition ? TransitionCapacity(k) : null);
        int minimum = Circuit.MinimumK(new SuperWitness([], new Dictionary<Fr, byte[]>()));
        if (k < minimum || k > 26)
            throw new ArgumentException($"prover k {k} is outside what the circuit allows ({minimum}..26): its fixed tables alone need 2^{minimum} rows");
        K = k;
    }

    public const int MinimumTransitionK = 13;

    /// <summary>The state transition's fixed room on 2^k rows: 2^(k−11) regions (one per touched account or slot, 256
    /// rows each) and Poseidon permutations for them: per region at most one account key (t = 2), three slot hashes
    /// (t = 3: key, old and new value), two account leaves (t = 9); the rest of the rows go to tree nodes (t = 4),
    /// which the regions' paths need most of. A batch that needs more is refused as not fitting.</summary>
    public static Rollup.Circuits.StateTree.StateTransitionCapacity TransitionCapacity(int k)
    {
        int rows = 1 << k, regions = 1 << (k - 11);
        var poseidon = new Dictionary<int, int> { [2] = regions, [3] = 3 * regions, [9] = 2 * regions };
        int used = regions * Rollup.Circuits.StateTree.SmtUpdateChip.RegionRows + Rollup.Circuits.StateTree.RootLimbs.Rows
            + poseidon.Sum(kv => kv.Value * Rollup.Circuits.Poseidon.PoseidonChip.RowsPer(kv.Key));
        poseidon[4] = (rows - used - 16) / Rollup.Circuits.Poseidon.PoseidonChip.RowsPer(4);
        return new(regions, poseidon);
    }

    /// <summary>An assignment of no transactions: what the keys are made from (fixed columns and copy constraints do
    /// not depend on the witness, which <see cref="BatchProver"/> checks against the key before each proof). With the
    /// state transition, a one-account stand-in transition fills its rows (only its fixed columns matter).</summary>
    public Assignment Empty() => Circuit.Assign(new SuperWitness([], new Dictionary<Fr, byte[]>())
    {
        Transition = StateTransition ? StandInTransition() : null,
    }, K);

    private static Rollup.Circuits.StateTree.StateTransitionWitness StandInTransition()
    {
        var state = new Rollup.Evm.State.InMemoryStateSource();
        var someone = Rollup.Core.Types.Address.Parse("0x0000000000000000000000000000000000000001");
        state.SetAccount(someone, 0, Rollup.Core.Numerics.UInt256.One, []);
        var write = new Rollup.Evm.Tracing.Zk.RwEntry(0, true, Rollup.Evm.Tracing.Zk.RwTag.Account, 0, someone,
            new Rollup.Core.Numerics.UInt256((ulong)Rollup.Evm.Tracing.Zk.AccountField.Balance), new Rollup.Core.Numerics.UInt256(2), Rollup.Core.Numerics.UInt256.One, default);
        return Rollup.Circuits.StateTree.StateTransitionBuilder.Build(state, [write]);
    }
}
