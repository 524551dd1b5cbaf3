using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Plonk.Checking;

/// <summary>Evaluates an expression on one row of an assignment, with given challenge values.</summary>
internal sealed class RowEvaluator(Assignment assignment, IReadOnlyList<Fr> challenges) : IExpressionVisitor<Fr>
{
    public int Row { get; set; }

    public Fr Evaluate(Expression e) => e.Accept(this);

    public Fr Constant(Fr value) => value;
    public Fr Query(ColumnQuery q) => assignment[q.Column, Row + q.Rotation];
    public Fr Challenge(Challenge c) => challenges[c.Index];
    public Fr Sum(Expression a, Expression b) => a.Accept(this) + b.Accept(this);
    public Fr Product(Expression a, Expression b) => a.Accept(this) * b.Accept(this);
    public Fr Negated(Expression a) => -a.Accept(this);
    public Fr Scaled(Expression a, Fr k) => a.Accept(this) * k;
}
