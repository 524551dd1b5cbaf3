using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Protocol;

namespace Rollup.Plonk.Solidity;

/// <summary>What a DAG node is: a value the verifier has before the constraints are evaluated (a leaf), or an
/// operation on two earlier nodes.</summary>
public enum DagOp : byte
{
    /// <summary>The proof's evaluation number <c>A</c> (an index into <see cref="ProtocolLayout.Queries"/>).</summary>
    Evaluation,
    /// <summary>Challenge number <c>A</c> (<see cref="ProtocolChallenges"/> indices).</summary>
    Challenge,
    /// <summary>The evaluation point x.</summary>
    X,
    /// <summary>L₀(x).</summary>
    LagrangeFirst,
    /// <summary>The public-input evaluation number <c>A</c> (an index into <see cref="ConstraintDag.InstanceQueries"/>).</summary>
    Instance,
    /// <summary>The field constant number <c>A</c> (an index into <see cref="ConstraintDag.Constants"/>).</summary>
    Constant,
    Add,
    Mul,
    /// <summary>A − B.</summary>
    Sub,
}

public readonly record struct DagNode(DagOp Op, int A, int B)
{
    public bool IsLeaf => Op < DagOp.Add;
}

/// <summary>The constraint list (<see cref="ConstraintList.Build"/>, the expressions the C# verifier evaluates) as one
/// DAG with common subexpressions merged: structurally identical subtrees become one node (hash-consing, with the
/// operands of + and · in a canonical order), so a selector or flag product the gadgets repeat in hundreds of
/// polynomials is computed once. Small algebraic identities are applied on the way — constants folded, x + (−y) as
/// x − y, ·1, +0, ·0 dropped — all exact in the field, so every node still has the value its tree has.
/// <para>Nodes are numbered in creation order, so an operation's operands always have smaller numbers.</para></summary>
public sealed class ConstraintDag
{
    private readonly List<DagNode> _nodes = [];
    private readonly Dictionary<DagNode, int> _ids = [];
    private readonly List<Fr> _constants = [];
    private readonly Dictionary<Fr, int> _constantIds = [];
    private readonly List<(int Column, int Rotation)> _instanceQueries = [];

    public IReadOnlyList<DagNode> Nodes => _nodes;
    /// <summary>One root per constraint, in the constraint list's order (the order of the y-powers).</summary>
    public IReadOnlyList<int> Roots { get; }
    public IReadOnlyList<Fr> Constants => _constants;
    /// <summary>The public-input evaluations the constraints use: (instance column, rotation).</summary>
    public IReadOnlyList<(int Column, int Rotation)> InstanceQueries => _instanceQueries;
    /// <summary>Operation nodes in the constraint trees as written: what the straight-line verifier computes.</summary>
    public int TreeOperations { get; }
    /// <summary>Operation nodes reachable from the roots after merging.</summary>
    public int DagOperations { get; }

    public static ConstraintDag Build(ProtocolLayout layout) =>
        new(layout, ConstraintList.Build(layout, new ProtocolChallenges(layout.System)).Select(c => c.Polynomial).ToList());

    public ConstraintDag(ProtocolLayout layout, IReadOnlyList<Expression> constraints)
    {
        var builder = new Builder(this, layout);
        Roots = constraints.Select(builder.Visit).ToList();
        TreeOperations = builder.TreeOperations;
        DagOperations = ReachableOperations().Count;
    }

    /// <summary>Operation nodes reachable from the roots, in increasing number (an evaluation order).</summary>
    public List<int> ReachableOperations()
    {
        var reached = new bool[_nodes.Count];
        foreach (int root in Roots) reached[root] = true;
        for (int i = _nodes.Count - 1; i >= 0; i--)
            if (reached[i] && !_nodes[i].IsLeaf) { reached[_nodes[i].A] = true; reached[_nodes[i].B] = true; }
        return Enumerable.Range(0, _nodes.Count).Where(i => reached[i] && !_nodes[i].IsLeaf).ToList();
    }

    /// <summary>Every node's value, given the leaves' values: the reference the compiled program is tested against.</summary>
    public Fr[] Evaluate(IReadOnlyList<Fr> evaluations, IReadOnlyList<Fr> challenges, Fr x, Fr l0, IReadOnlyList<Fr> instances)
    {
        var values = new Fr[_nodes.Count];
        for (int i = 0; i < _nodes.Count; i++)
        {
            var n = _nodes[i];
            values[i] = n.Op switch
            {
                DagOp.Evaluation => evaluations[n.A],
                DagOp.Challenge => challenges[n.A],
                DagOp.X => x,
                DagOp.LagrangeFirst => l0,
                DagOp.Instance => instances[n.A],
                DagOp.Constant => _constants[n.A],
                DagOp.Add => values[n.A] + values[n.B],
                DagOp.Mul => values[n.A] * values[n.B],
                DagOp.Sub => values[n.A] - values[n.B],
                _ => throw new InvalidOperationException(n.Op.ToString()),
            };
        }
        return values;
    }

    private int Intern(DagNode node)
    {
        if (_ids.TryGetValue(node, out int id)) return id;
        id = _nodes.Count;
        _nodes.Add(node);
        _ids[node] = id;
        return id;
    }

    private int Constant(Fr value)
    {
        if (!_constantIds.TryGetValue(value, out int index))
        {
            index = _constants.Count;
            _constants.Add(value);
            _constantIds[value] = index;
        }
        return Intern(new DagNode(DagOp.Constant, index, 0));
    }

    private bool IsConstant(int id, out Fr value)
    {
        var n = _nodes[id];
        value = n.Op == DagOp.Constant ? _constants[n.A] : default;
        return n.Op == DagOp.Constant;
    }

    private int Add(int a, int b)
    {
        bool ca = IsConstant(a, out var va), cb = IsConstant(b, out var vb);
        if (ca && cb) return Constant(va + vb);
        if (ca && va.IsZero) return b;
        if (cb && vb.IsZero) return a;
        // a + (0 − c) = a − c: negations mostly come from "x − y" in the gates.
        if (IsNegation(b, out int nb)) return Sub(a, nb);
        if (IsNegation(a, out int na)) return Sub(b, na);
        return Intern(new DagNode(DagOp.Add, Math.Min(a, b), Math.Max(a, b)));
    }

    private int Mul(int a, int b)
    {
        bool ca = IsConstant(a, out var va), cb = IsConstant(b, out var vb);
        if (ca && cb) return Constant(va * vb);
        if ((ca && va.IsZero) || (cb && vb.IsZero)) return Constant(Fr.Zero);
        if (ca && va == Fr.One) return b;
        if (cb && vb == Fr.One) return a;
        return Intern(new DagNode(DagOp.Mul, Math.Min(a, b), Math.Max(a, b)));
    }

    private int Sub(int a, int b)
    {
        bool ca = IsConstant(a, out var va), cb = IsConstant(b, out var vb);
        if (ca && cb) return Constant(va - vb);
        if (cb && vb.IsZero) return a;
        if (a == b) return Constant(Fr.Zero);
        return Intern(new DagNode(DagOp.Sub, a, b));
    }

    private bool IsNegation(int id, out int negated)
    {
        var n = _nodes[id];
        negated = n.B;
        return n.Op == DagOp.Sub && IsConstant(n.A, out var zero) && zero.IsZero;
    }

    /// <summary>Turns expression trees into DAG nodes. A subtree object met again (the gadgets share them) is looked up
    /// by reference, so building costs the number of distinct objects, not the size of the unfolded trees.</summary>
    private sealed class Builder(ConstraintDag dag, ProtocolLayout layout) : IProtocolExpressionVisitor<int>
    {
        private readonly Dictionary<Expression, (int Id, int Operations)> _seen = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<PolyQuery, int> _evaluationIndex = layout.Queries.Select((q, i) => (q, i)).ToDictionary(p => p.q, p => p.i);
        private int _operations;

        public int TreeOperations { get; private set; }

        public int Visit(Expression e)
        {
            int before = _operations;
            int id = Node(e);
            TreeOperations += _operations - before;
            return id;
        }

        private int Node(Expression e)
        {
            if (_seen.TryGetValue(e, out var known))
            {
                _operations += known.Operations;
                return known.Id;
            }
            int before = _operations;
            int id = e.Accept(this);
            _seen[e] = (id, _operations - before);
            return id;
        }

        private int Evaluation(PolyQuery q) => _evaluationIndex.TryGetValue(q, out int i)
            ? dag.Intern(new DagNode(DagOp.Evaluation, i, 0))
            : throw new InvalidOperationException($"{q.Poly} at rotation {q.Rotation} is not opened");

        public int Constant(Fr value) => dag.Constant(value);
        public int Challenge(Challenge c) => dag.Intern(new DagNode(DagOp.Challenge, c.Index, 0));
        public int X() => dag.Intern(new DagNode(DagOp.X, 0, 0));
        public int LagrangeFirst() => dag.Intern(new DagNode(DagOp.LagrangeFirst, 0, 0));
        public int Poly(PolyRef poly, int rotation) => Evaluation(new PolyQuery(poly, rotation));

        public int Query(ColumnQuery q)
        {
            switch (q.Column.Kind)
            {
                case ColumnKind.Fixed: return Evaluation(new PolyQuery(new PolyRef(PolyKind.Fixed, q.Column.Index), q.Rotation));
                case ColumnKind.Advice: return Evaluation(new PolyQuery(new PolyRef(PolyKind.Advice, q.Column.Index), q.Rotation));
            }
            int index = dag._instanceQueries.IndexOf((q.Column.Index, q.Rotation));
            if (index < 0)
            {
                index = dag._instanceQueries.Count;
                dag._instanceQueries.Add((q.Column.Index, q.Rotation));
            }
            return dag.Intern(new DagNode(DagOp.Instance, index, 0));
        }

        public int Sum(Expression a, Expression b) { int x = Node(a), y = Node(b); _operations++; return dag.Add(x, y); }
        public int Product(Expression a, Expression b) { int x = Node(a), y = Node(b); _operations++; return dag.Mul(x, y); }
        public int Negated(Expression a) { int x = Node(a); _operations++; return dag.Sub(dag.Constant(Fr.Zero), x); }
        public int Scaled(Expression a, Fr k) { int x = Node(a); _operations++; return dag.Mul(x, dag.Constant(k)); }
    }
}
