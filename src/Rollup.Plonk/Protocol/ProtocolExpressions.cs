using Rollup.Plonk.Circuit;

namespace Rollup.Plonk.Protocol;

/// <summary>Evaluates expressions that also mention the protocol's own polynomials (σ, the permutation products,
/// the lookup polynomials), the evaluation variable X and the first Lagrange polynomial. The prover evaluates them
/// over the extended domain, the verifier at the challenge point, so both read the constraints from one definition.</summary>
public interface IProtocolExpressionVisitor<T> : IExpressionVisitor<T>
{
    T Poly(PolyRef poly, int rotation);
    T X();
    T LagrangeFirst();
}

internal static class ProtocolVisit
{
    public static T Require<T>(IExpressionVisitor<T> visitor, Func<IProtocolExpressionVisitor<T>, T> visit) =>
        visitor is IProtocolExpressionVisitor<T> p ? visit(p)
            : throw new InvalidOperationException("protocol polynomials appear only in the prover's and verifier's constraints");
}

/// <summary>A protocol polynomial at a rotation.</summary>
public sealed class PolyExpression(PolyRef poly, int rotation) : Expression
{
    public PolyRef PolyRef { get; } = poly;
    public int Rotation { get; } = rotation;
    public override int Degree => 1;
    public override T Accept<T>(IExpressionVisitor<T> v) => ProtocolVisit.Require(v, p => p.Poly(PolyRef, Rotation));
}

/// <summary>The variable X itself (the permutation's identity polynomials are δ^i·X).</summary>
public sealed class XExpression : Expression
{
    public static readonly XExpression Instance = new();
    public override int Degree => 1;
    public override T Accept<T>(IExpressionVisitor<T> v) => ProtocolVisit.Require(v, p => p.X());
}

/// <summary>L_0: one on the first row, zero on the others.</summary>
public sealed class LagrangeFirstExpression : Expression
{
    public static readonly LagrangeFirstExpression Instance = new();
    public override int Degree => 1;
    public override T Accept<T>(IExpressionVisitor<T> v) => ProtocolVisit.Require(v, p => p.LagrangeFirst());
}
