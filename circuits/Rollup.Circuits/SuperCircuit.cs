using Rollup.Circuits.Evm;
using Rollup.Circuits.State;
using Rollup.Circuits.Tables;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits;

/// <summary>What the super circuit proves about: the EVM steps (from the zk traces), the code they run, and the batch's
/// transactions and blocks (the tables the steps are checked against).</summary>
public sealed record SuperWitness(IReadOnlyList<EvmStep> Steps, IReadOnlyDictionary<Fr, byte[]> Codes)
{
    public IReadOnlyList<TxRecord> Txs { get; init; } = [];
    public IReadOnlyList<BlockRecord> Blocks { get; init; } = [];
    /// <summary>The state-tree updates from the previous root to the new one (when the circuit binds them).</summary>
    public StateTree.StateTransitionWitness? Transition { get; init; }
    /// <summary>The batch statement (<see cref="Circuits.PublicInputs"/>, seven values); null: the transition's roots
    /// (or zeros without one), a zero data hash and the first block's chain id.</summary>
    public IReadOnlyList<Fr>? Statement { get; init; }
}

/// <summary>The circuits in one constraint system, meeting in shared tables: the EVM circuit looks its accesses up in
/// the read/write table, which the state circuit keeps sorted by key and consistent.
/// <para>Why lookups suffice for the read/write table: the EVM's accesses carry the counters 1..N, one each (the first
/// step starts at 1, each step advances by its accesses, the last step ends at N + 1), and every one of them is found in
/// the table; the state circuit has exactly N active rows. N rows holding N distinct counters are exactly the EVM's
/// accesses, so no extra write can sit in the table between a write and the read that should see it.</para></summary>
public sealed class SuperCircuit
{
    public ConstraintSystem System { get; } = new();
    public ByteTable Bytes { get; }
    public RwTable Rw { get; }
    public BytecodeTable Bytecode { get; }
    public StateCircuit State { get; }
    public EvmCircuit Evm { get; }
    public Column QFirstStep { get; }
    /// <summary>The state tree tied to the read/write table (previous root → new root), when configured.</summary>
    public StateTree.StateTransition? Transition { get; }
    public PublicInputs PublicInputs { get; }

    public SuperCircuit(IReadOnlyList<IGadget> gadgets, StateTree.StateTransitionCapacity? transition = null)
    {
        var cs = System;
        Bytes = new ByteTable(cs);
        Rw = new RwTable(cs);
        Bytecode = new BytecodeTable(cs);
        State = new StateCircuit(cs, Rw, Bytes);
        Evm = new EvmCircuit(cs, new EvmCircuitConfig(cs, Bytes, Rw, Bytecode), gadgets);
        QFirstStep = cs.Selector("super_q_first_step");
        if (transition is not null) Transition = new StateTree.StateTransition(cs, Rw, State, Bytes, transition);
        var rwCounter = Evm.Config.Field(StepField.RwCounter);
        cs.Gate("super: the read/write log is the EVM's",
            ("the first step's first access is counter 1", QFirstStep.Cur * (rwCounter - 1)),
            ("the first step begins a transaction", QFirstStep.Cur * (1 - Evm.Config.Flag(ExecutionState.BeginTx))),
            ("the state circuit holds exactly the EVM's accesses", Evm.QLast.Cur * (rwCounter - 1 - State.Total.Cur)));
        PublicInputs = new PublicInputs(cs, Evm.Config.Context.BlockTable);
        // With the state transition, the statement's roots are its roots: the instance rows of the two roots' limbs are
        // copies of the transition's canonical limb cells (copy constraints, assigned in Assign).
        if (Transition is not null)
        {
            cs.EnableEquality(PublicInputs.Instance);
            cs.EnableEquality(Transition.Limbs.Acc);
        }
    }

    /// <summary>The smallest k whose 2^k rows hold the witness: EVM steps (plus the padding sink), the sorted log (plus
    /// its zero row), the code (plus its zero row and one past each end), the byte table and any tagged sub-tables.</summary>
    public int MinimumK(SuperWitness w)
    {
        int rows = Math.Max((w.Steps.Count + 1) * EvmCircuitConfig.Height, 256);
        rows = Math.Max(rows, 1 + w.Steps.Sum(s => s.Rw.Count) + 1);
        rows = Math.Max(rows, 1 + w.Codes.Values.Sum(c => c.Length + 1));
        rows = Math.Max(rows, Evm.Config.Lanes.Table?.RowCount ?? 0);
        rows = Math.Max(rows, TxTable.RowCount(w.Txs));
        rows = Math.Max(rows, BlockTable.RowCount(w.Blocks));
        rows = Math.Max(rows, Transition?.RowCount ?? 0);
        int k = 4;
        while ((1 << k) < rows) k++;
        return k;
    }

    public Assignment Assign(SuperWitness w, int? k = null)
    {
        var a = new Assignment(System, k ?? MinimumK(w));
        Bytes.Assign(a);
        State.Assign(a, EvmWitnessAccesses(w));
        Bytecode.Assign(a, w.Codes, 1);
        Evm.Config.Context.TxTable.Assign(a, w.Txs);
        Evm.Config.Context.BlockTable.Assign(a, w.Blocks);
        a.Assign(QFirstStep, 0, 1UL);
        Evm.Assign(a, w.Steps);
        Transition?.Assign(a, w.Transition ?? throw new InvalidOperationException("the circuit binds the state transition: the witness needs it"), Rw);
        PublicInputs.Assign(a, w.Statement ?? DefaultStatement(w));
        if (Transition is { } t)
        {
            var limbs = t.Limbs;
            a.Copy(PublicInputs.Instance, PublicInputs.PrevRootHi, limbs.PreviousHi.Column, limbs.PreviousHi.Row);
            a.Copy(PublicInputs.Instance, PublicInputs.PrevRootLo, limbs.PreviousLo.Column, limbs.PreviousLo.Row);
            a.Copy(PublicInputs.Instance, PublicInputs.NewRootHi, limbs.NewHi.Column, limbs.NewHi.Row);
            a.Copy(PublicInputs.Instance, PublicInputs.NewRootLo, limbs.NewLo.Column, limbs.NewLo.Row);
        }
        return a;
    }

    /// <summary>The statement a witness that states none gets: the transition's roots (zeros without one), a zero data
    /// hash, the first block's chain id.</summary>
    private static Fr[] DefaultStatement(SuperWitness w)
    {
        if (w.Transition is not { } t) return PublicInputs.Default(w.Blocks);
        static Rollup.Core.Numerics.UInt256 Word(Fr root) => Rollup.Core.Numerics.UInt256.FromBigInteger(root.ToBigInteger());
        return PublicInputs.Values(Word(t.PreviousRoot), Word(t.NewRoot), default, w.Blocks.Count > 0 ? w.Blocks[0].ChainId : 0);
    }

    private static IEnumerable<Rollup.Evm.Tracing.Zk.RwEntry> EvmWitnessAccesses(SuperWitness w) => Witness.EvmWitnessBuilder.AccessesOf(w.Steps);
}
