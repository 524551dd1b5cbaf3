using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.L1.Tests.Support;

/// <summary>A stand-in for the zkEVM circuit with the real circuit's statement: its one instance column holds the seven
/// public inputs of a batch (docs/l1.md), each equal to an advice cell by a gate. It proves nothing about execution;
/// it lets a real PLONK proof and the generated verifier run through finalizeBatch before the zkEVM circuit exists.</summary>
internal static class BatchStatementCircuit
{
    private const int K = 4; // 16 rows: room for the seven inputs

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
}
