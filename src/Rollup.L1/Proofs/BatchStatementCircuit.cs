using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Kzg;
using Rollup.L1.Batches;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Proving;

namespace Rollup.L1.Proofs;

/// <summary>A stand-in for the zkEVM circuit with the real circuit's statement: its one instance column holds the seven
/// public inputs of a batch (docs/l1.md), each equal to an advice cell by a gate. It proves nothing about execution;
/// it lets a real PLONK proof and the generated verifier run through finalizeBatch before the zkEVM circuit exists,
/// on anvil in the tests and on a testnet with the key `rollup l1 verifying-key` writes.</summary>
public static class BatchStatementCircuit
{
    /// <summary>16 rows: room for the seven inputs.</summary>
    public const int K = 4;

    /// <summary>The name `rollup l1 verifying-key --circuit` knows it by.</summary>
    public const string Name = "batch-statement";

    public sealed record Layout(ConstraintSystem System, Column Statement, Column Selector, Column Public);

    public static Layout Configure()
    {
        var cs = new ConstraintSystem();
        var statement = cs.Advice("statement");
        var selector = cs.Selector("q_statement");
        var pub = cs.Instance("public");
        cs.Gate("statement equals public input", selector.Cur * (statement.Cur - pub.Cur));
        return new Layout(cs, statement, selector, pub);
    }

    public static Assignment Assign(Layout l, IReadOnlyList<UInt256> publicInputs)
    {
        var a = new Assignment(l.System, K);
        for (int i = 0; i < publicInputs.Count; i++)
        {
            var value = ToFr(publicInputs[i]);
            a.Assign(l.Selector, i, 1UL);
            a.Assign(l.Statement, i, value);
            a.Assign(l.Public, i, value);
        }
        return a;
    }

    public static Fr ToFr(UInt256 value) => Fr.FromBigEndian(value.ToBigEndian());

    /// <summary>The proving key (its verifying key inside): the fixed columns do not depend on the statement, so any
    /// statement gives the same key.</summary>
    public static ProvingKey Keys(Srs srs)
    {
        var layout = Configure();
        var circuit = Assign(layout, new UInt256[BatchPublicInputs.Count]);
        return KeyGenerator.Generate(circuit, srs.Truncate(circuit.Rows));
    }

    /// <summary>A proof that the batch statement is <paramref name="publicInputs"/> (BatchPublicInputs.Encode).</summary>
    public static byte[] Prove(ProvingKey pk, IReadOnlyList<UInt256> publicInputs)
    {
        if (publicInputs.Count != BatchPublicInputs.Count)
            throw new ArgumentException($"a batch statement has {BatchPublicInputs.Count} public inputs, not {publicInputs.Count}");
        // The prover wants the key's own constraint system, so take the columns from it rather than configure anew.
        var cs = pk.Vk.Layout.System;
        var layout = new Layout(cs, cs.AdviceColumns.Single(c => c.Name == "statement"), cs.FixedColumns.Single(c => c.Name == "q_statement"),
            cs.InstanceColumns.Single(c => c.Name == "public"));
        var assignment = Assign(layout, publicInputs);
        return Prover.Prove(pk, assignment, [publicInputs.Select(ToFr).ToArray()]).ToBytes();
    }
}
