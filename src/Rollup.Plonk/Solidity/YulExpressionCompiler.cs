using System.Text;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Protocol;

namespace Rollup.Plonk.Solidity;

/// <summary>Compiles a constraint expression into straight-line Yul: every node's value goes to its own memory slot, so
/// the generated code never holds more than a few stack items (no "stack too deep", however large the circuit).
/// Leaves — evaluations, challenges, x, L₀, public-input evaluations — are read from memory slots the verifier filled.</summary>
internal sealed class YulExpressionCompiler(StringBuilder code, Func<PolyQuery, int> evaluationSlot, Func<int, int> challengeSlot,
    Func<int, int, int> instanceSlot, int xSlot, int l0Slot, int tempBase) : IProtocolExpressionVisitor<string>
{
    private int _next;

    /// <summary>Emits code for <paramref name="e"/> and returns a Yul expression (a constant or an mload) for its value.</summary>
    public string Compile(Expression e) => e.Accept(this);

    /// <summary>Temporaries can be reused between constraints: call this after each one.</summary>
    public void ResetTemporaries() => _next = 0;

    private string Store(string value)
    {
        int slot = tempBase + 32 * _next++;
        code.Append($"                mstore({slot}, {value})\n");
        return $"mload({slot})";
    }

    private static string Hex(Fr v) => "0x" + v.ToBigInteger().ToString("x");

    public string Constant(Fr value) => Hex(value);
    public string Challenge(Challenge c) => $"mload({challengeSlot(c.Index)})";
    public string X() => $"mload({xSlot})";
    public string LagrangeFirst() => $"mload({l0Slot})";
    public string Poly(PolyRef poly, int rotation) => $"mload({evaluationSlot(new PolyQuery(poly, rotation))})";

    public string Query(ColumnQuery q) => q.Column.Kind switch
    {
        ColumnKind.Fixed => $"mload({evaluationSlot(new PolyQuery(new PolyRef(PolyKind.Fixed, q.Column.Index), q.Rotation))})",
        ColumnKind.Advice => $"mload({evaluationSlot(new PolyQuery(new PolyRef(PolyKind.Advice, q.Column.Index), q.Rotation))})",
        _ => $"mload({instanceSlot(q.Column.Index, q.Rotation)})",
    };

    public string Sum(Expression a, Expression b) => Store($"addmod({a.Accept(this)}, {b.Accept(this)}, R)");
    public string Product(Expression a, Expression b) => Store($"mulmod({a.Accept(this)}, {b.Accept(this)}, R)");
    public string Negated(Expression a) => Store($"sub(R, {a.Accept(this)})");
    public string Scaled(Expression a, Fr k) => Store($"mulmod({a.Accept(this)}, {Hex(k)}, R)");
}
