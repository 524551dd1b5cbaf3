using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Plonk.Circuit;

/// <summary>A polynomial expression over column queries, challenges and constants: the body of a gate, a lookup's
/// inputs or table. Trees are immutable; operators build them, so gates read like the algebra they state.</summary>
public abstract class Expression
{
    /// <summary>Degree as a polynomial in the columns: what the quotient's size depends on.</summary>
    public abstract int Degree { get; }

    public abstract T Accept<T>(IExpressionVisitor<T> visitor);

    public static Expression operator +(Expression a, Expression b) => new Sum(a, b);
    public static Expression operator -(Expression a, Expression b) => new Sum(a, new Negated(b));
    public static Expression operator -(Expression a) => new Negated(a);
    public static Expression operator *(Expression a, Expression b) => new Product(a, b);
    public static Expression operator *(Expression a, long k) => new Scaled(a, FromLong(k));
    public static Expression operator *(long k, Expression a) => new Scaled(a, FromLong(k));
    public static Expression operator +(Expression a, long k) => new Sum(a, Constant(k));
    public static Expression operator -(Expression a, long k) => new Sum(a, Constant(-k));
    public static Expression operator -(long k, Expression a) => new Sum(Constant(k), new Negated(a));

    public static Expression Constant(Fr value) => new ConstantExpression(value);
    public static Expression Constant(long value) => new ConstantExpression(FromLong(value));

    internal static Fr FromLong(long v) => v >= 0 ? Fr.FromUInt64((ulong)v) : -Fr.FromUInt64((ulong)(-(v + 1)) + 1);

    /// <summary>Every column query inside, with its rotation (for the opening points and the checker's reports).</summary>
    public IEnumerable<ColumnQuery> Queries() => Accept(new QueryCollector());

    /// <summary>Collects circuit column queries; protocol-level nodes (σ, products, X, L₀) contribute none.</summary>
    private sealed class QueryCollector : Protocol.IProtocolExpressionVisitor<IEnumerable<ColumnQuery>>
    {
        public IEnumerable<ColumnQuery> Poly(Protocol.PolyRef poly, int rotation) => [];
        public IEnumerable<ColumnQuery> X() => [];
        public IEnumerable<ColumnQuery> LagrangeFirst() => [];
        public IEnumerable<ColumnQuery> Constant(Fr value) => [];
        public IEnumerable<ColumnQuery> Query(ColumnQuery q) => [q];
        public IEnumerable<ColumnQuery> Challenge(Challenge c) => [];
        public IEnumerable<ColumnQuery> Sum(Expression a, Expression b) => a.Accept(this).Concat(b.Accept(this));
        public IEnumerable<ColumnQuery> Product(Expression a, Expression b) => a.Accept(this).Concat(b.Accept(this));
        public IEnumerable<ColumnQuery> Negated(Expression a) => a.Accept(this);
        public IEnumerable<ColumnQuery> Scaled(Expression a, Fr k) => a.Accept(this);
    }
}

/// <summary>Evaluates or transforms an expression tree: one method per node kind.</summary>
public interface IExpressionVisitor<T>
{
    T Constant(Fr value);
    T Query(ColumnQuery query);
    T Challenge(Challenge challenge);
    T Sum(Expression a, Expression b);
    T Product(Expression a, Expression b);
    T Negated(Expression a);
    T Scaled(Expression a, Fr k);
}

public sealed class ConstantExpression(Fr value) : Expression
{
    public Fr Value { get; } = value;
    public override int Degree => 0;
    public override T Accept<T>(IExpressionVisitor<T> v) => v.Constant(Value);
}

public sealed class ColumnQuery(Column column, int rotation) : Expression
{
    public Column Column { get; } = column;
    public int Rotation { get; } = rotation;
    public override int Degree => 1;
    public override T Accept<T>(IExpressionVisitor<T> v) => v.Query(this);
    public override string ToString() => Rotation == 0 ? Column.Name : $"{Column.Name}[{Rotation:+0;-0}]";
}

public sealed class ChallengeQuery(Challenge challenge) : Expression
{
    public Challenge Challenge { get; } = challenge;
    public override int Degree => 0;
    public override T Accept<T>(IExpressionVisitor<T> v) => v.Challenge(Challenge);
}

public sealed class Sum(Expression a, Expression b) : Expression
{
    public override int Degree { get; } = Math.Max(a.Degree, b.Degree);
    public override T Accept<T>(IExpressionVisitor<T> v) => v.Sum(a, b);
}

public sealed class Product(Expression a, Expression b) : Expression
{
    public override int Degree { get; } = a.Degree + b.Degree;
    public override T Accept<T>(IExpressionVisitor<T> v) => v.Product(a, b);
}

public sealed class Negated(Expression a) : Expression
{
    public override int Degree => a.Degree;
    public override T Accept<T>(IExpressionVisitor<T> v) => v.Negated(a);
}

public sealed class Scaled(Expression a, Fr k) : Expression
{
    public override int Degree => a.Degree;
    public override T Accept<T>(IExpressionVisitor<T> v) => v.Scaled(a, k);
}
