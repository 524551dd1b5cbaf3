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
    /// <summary>The batch statement (<see cref="Circuits.PublicInputs"/>, seven values); null: zeros and the first
    /// block's chain id.</summary>
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
    public PublicInputs PublicInputs { get; }

    public SuperCircuit(IReadOnlyList<IGadget> gadgets)
    {
        var cs = System;
        Bytes = new ByteTable(cs);
        Rw = new RwTable(cs);
        Bytecode = new BytecodeTable(cs);
        State = new StateCircuit(cs, Rw, Bytes);
        Evm = new EvmCircuit(cs, new EvmCircuitConfig(cs, Bytes, Rw, Bytecode), gadgets);
        QFirstStep = cs.Selector("super_q_first_step");
        var rwCounter = Evm.Config.Field(StepField.RwCounter);
        cs.Gate("super: the read/write log is the EVM's",
            ("the first step's first access is counter 1", QFirstStep.Cur * (rwCounter - 1)),
            ("the first step begins a transaction", QFirstStep.Cur * (1 - Evm.Config.Flag(ExecutionState.BeginTx))),
            ("the state circuit holds exactly the EVM's accesses", Evm.QLast.Cur * (rwCounter - 1 - State.Total.Cur)));
        PublicInputs = new PublicInputs(cs, Evm.Config.Context.BlockTable);
        // STATE-ROOT BINDING (pending, from the state-trie branch): equate PublicInputs rows PrevRootHi/Lo with the
        // account trie's first old root and NewRootHi/Lo with its last new root (root = hi·2^128 + lo).
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
        PublicInputs.Assign(a, w.Statement ?? PublicInputs.Default(w.Blocks));
        return a;
    }

    private static IEnumerable<Rollup.Evm.Tracing.Zk.RwEntry> EvmWitnessAccesses(SuperWitness w) => Witness.EvmWitnessBuilder.AccessesOf(w.Steps);
}
