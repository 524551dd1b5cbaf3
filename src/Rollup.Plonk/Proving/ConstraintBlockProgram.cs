using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Polynomials;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Protocol;
using Rollup.Plonk.Solidity;

namespace Rollup.Plonk.Proving;

/// <summary>The quotient's numerator Σ y^(C−1−i)·c_i compiled once per proof into a straight-line program over blocks
/// of coset points (<see cref="FrBlockProgram"/>, run by <see cref="FrBlockMachine"/>).
/// <para>Why: the gadgets' polynomials are mostly <c>q_step · flag · (…)</c> and repeat the same selector and flag
/// products and sub-expressions across hundreds of polynomials; walking each tree separately recomputed them at every
/// point. The constraints are taken as the verifier's <see cref="ConstraintDag"/> (structurally identical subtrees
/// merged, exact identities applied), so each distinct subexpression is computed once per block. What does not depend
/// on the point (challenges, constants, y and their combinations) is folded here, once per proof. A leaf — a
/// polynomial at a rotation, X, L₀ — is read in place from the coset's arrays (an input of the program).</para>
/// <para>Order and registers: constraint by constraint, each operation right after the operations it reads (depth
/// first), then the constraint's Horner step acc = acc·y + c_i; a register is reused once its value's last reader
/// has run, so a worker's memory is the most values alive at once, not one block per node.</para>
/// <para>Every rewriting is exact in the field, so h, and the proof, are bit for bit what the tree walk gave.</para></summary>
internal sealed class ConstraintBlockProgram
{
    private enum Leaf : byte { Poly, X, LagrangeFirst }

    private readonly (Leaf Kind, PolyRef Poly, int Rotation)[] _inputs;

    public FrBlockProgram Program { get; }
    /// <summary>Operations in the constraint trees as written (what the tree walk did per point).</summary>
    public int TreeOperations { get; }
    /// <summary>Operations per point after merging and folding, Horner steps included.</summary>
    public int Instructions => Program.Instructions.Length;

    private ConstraintBlockProgram(FrBlockProgram program, (Leaf, PolyRef, int)[] inputs, int treeOperations)
    {
        Program = program;
        _inputs = inputs;
        TreeOperations = treeOperations;
    }

    /// <summary>The arrays the inputs read, in input order (the same arrays on every coset: they are transformed in
    /// place).</summary>
    public Fr[][] Arrays(CosetPolys polys) => _inputs.Select(i => i.Kind switch
    {
        Leaf.X => polys.CosetPoints,
        Leaf.LagrangeFirst => polys.LagrangeFirst,
        _ => polys.Get(i.Poly),
    }).ToArray();

    /// <summary>The inputs for the block starting at point <paramref name="start"/>: a rotation by r rows reads
    /// r·stride points further on (wrapping; see <see cref="CosetPolys.RotationStride"/>).</summary>
    public void Bind(Fr[][] arrays, int start, int stride, Span<FrBlockInput> inputs)
    {
        for (int i = 0; i < _inputs.Length; i++) inputs[i] = new FrBlockInput(arrays[i], start + _inputs[i].Rotation * stride);
    }

    public static ConstraintBlockProgram Compile(ProtocolLayout layout, IReadOnlyList<Expression> constraints, Fr[] challenges, Fr y)
    {
        var dag = new ConstraintDag(layout, constraints);
        var g = new Graph();
        var c = new Compiler();

        // The DAG's nodes, each given its operand where it has one without computing: an input (a leaf read in place)
        // or a constant (folded now when it does not depend on the point). Operations get a virtual register below.
        var inputs = new List<(Leaf, PolyRef, int)>();
        var inputIds = new Dictionary<(Leaf, PolyRef, int), int>();
        FrOperand Input(Leaf kind, PolyRef poly, int rotation)
        {
            var key = (kind, poly, rotation);
            if (!inputIds.TryGetValue(key, out int i)) { i = inputs.Count; inputs.Add(key); inputIds[key] = i; }
            return FrOperand.Input(i);
        }
        foreach (var n in dag.Nodes)
        {
            switch (n.Op)
            {
                case DagOp.Evaluation:
                    var q = layout.Queries[n.A];
                    g.Leaf(Input(Leaf.Poly, q.Poly, q.Rotation));
                    break;
                case DagOp.Instance:
                    var (column, rotation) = dag.InstanceQueries[n.A];
                    g.Leaf(Input(Leaf.Poly, new PolyRef(PolyKind.Instance, column), rotation));
                    break;
                case DagOp.X: g.Leaf(Input(Leaf.X, default, 0)); break;
                case DagOp.LagrangeFirst: g.Leaf(Input(Leaf.LagrangeFirst, default, 0)); break;
                case DagOp.Challenge: g.Constant(challenges[n.A]); break;
                case DagOp.Constant: g.Constant(dag.Constants[n.A]); break;
                default: g.Operation(n.Op, n.A, n.B); break;
            }
        }

        // The y-sum as more nodes (factored, see YSum), then everything it reads, depth first from its root.
        int root = YSum(g, dag.Roots.ToList(), y);
        var operand = new FrOperand?[g.Count];
        var stack = new Stack<(int Node, bool Expanded)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (id, expanded) = stack.Pop();
            if (operand[id] is not null) continue; // already computed
            if (g.Uniform[id] is { } value) { operand[id] = c.Constant(value); continue; }
            if (g.Input[id] is { } input) { operand[id] = input; continue; }
            var (op, a, b) = g.Nodes[id];
            if (expanded) { operand[id] = c.Emit(Op(op), operand[a]!.Value, operand[b]!.Value); continue; }
            stack.Push((id, true));
            stack.Push((b, false));
            stack.Push((a, false));
        }
        var program = c.Allocate(operand[root]!.Value, inputs.Count);
        return new ConstraintBlockProgram(program, inputs.ToArray(), dag.TreeOperations + 2 * dag.Roots.Count);
    }

    /// <summary>A node for Σ_k y^(m−1−k)·v_k over the <paramref name="items"/> v_0..v_(m−1) (DAG nodes), by Horner's
    /// rule, with common factors taken out: when consecutive items are products sharing an operand s (the gadgets'
    /// <c>q_step · flag</c>), Σ y^(…)·(s·d_k) over that run is s·Σ y^(…)·d_k, one product instead of one per item, and
    /// the run joins the sum as acc·y^(run length) + s·(…). The inner sums are factored the same way. Exact: the
    /// rewriting is algebraic, the field exact.</summary>
    private static int YSum(Graph g, List<int> items, Fr y)
    {
        int? acc = null;
        for (int i = 0; i < items.Count;)
        {
            // The operand of items[i] that the most items right after it also have as an operand.
            int length = 1, factor = -1;
            if (g.IsProduct(items[i], out int a0, out int b0))
                foreach (int f in a0 == b0 ? [a0] : new[] { a0, b0 })
                {
                    int run = 1;
                    while (i + run < items.Count && g.IsProduct(items[i + run], out int a, out int b) && (a == f || b == f)) run++;
                    if (run > length) (length, factor) = (run, f);
                }
            int value;
            if (length > 1)
            {
                var inner = new List<int>(length);
                for (int k = i; k < i + length; k++)
                {
                    g.IsProduct(items[k], out int a, out int b);
                    inner.Add(a == factor ? b : a);
                }
                value = g.Operation(DagOp.Mul, factor, YSum(g, inner, y));
            }
            else value = items[i];
            bool zero = g.Uniform[value] is { IsZero: true };
            // Zero so far (acc null): the sum is the value; a zero value adds nothing.
            if (acc is null) acc = zero ? null : value;
            else
            {
                int scaled = g.Operation(DagOp.Mul, acc.Value, g.Constant(y.Pow((ulong)length)));
                acc = zero ? scaled : g.Operation(DagOp.Add, scaled, value);
            }
            i += length;
        }
        return acc ?? g.Constant(Fr.Zero);
    }

    /// <summary>The DAG's nodes and the y-sum's, with what is known before evaluating: a constant's value (operations
    /// on constants folded) or a leaf's input.</summary>
    private sealed class Graph
    {
        public readonly List<(DagOp Op, int A, int B)> Nodes = [];
        public readonly List<Fr?> Uniform = [];
        public readonly List<FrOperand?> Input = [];
        public int Count => Nodes.Count;

        private int Add((DagOp, int, int) node, Fr? uniform, FrOperand? input)
        {
            Nodes.Add(node);
            Uniform.Add(uniform);
            Input.Add(input);
            return Nodes.Count - 1;
        }

        public int Leaf(FrOperand input) => Add((DagOp.Evaluation, 0, 0), null, input);
        public int Constant(Fr value) => Add((DagOp.Constant, 0, 0), value, null);

        public int Operation(DagOp op, int a, int b)
        {
            Fr? folded = Uniform[a] is { } x && Uniform[b] is { } z
                ? op switch { DagOp.Add => x + z, DagOp.Mul => x * z, _ => x - z }
                : null;
            return Add((op, a, b), folded, null);
        }

        public bool IsProduct(int id, out int a, out int b)
        {
            (_, a, b) = Nodes[id];
            return Nodes[id].Op == DagOp.Mul && Uniform[id] is null;
        }
    }

    private static FrBlockOp Op(DagOp op) => op switch
    {
        DagOp.Add => FrBlockOp.Add,
        DagOp.Mul => FrBlockOp.Mul,
        DagOp.Sub => FrBlockOp.Sub,
        _ => throw new InvalidOperationException($"{op} is not an operation"),
    };

    /// <summary>Instructions on virtual registers (one per value), then a register allocation by liveness.</summary>
    private sealed class Compiler
    {
        private readonly List<FrBlockInstruction> _code = [];
        private readonly List<Fr> _constants = [];
        private readonly Dictionary<Fr, int> _constantIds = [];

        public FrOperand Constant(Fr value)
        {
            if (!_constantIds.TryGetValue(value, out int i)) { i = _constants.Count; _constants.Add(value); _constantIds[value] = i; }
            return FrOperand.Constant(i);
        }

        public FrOperand Emit(FrBlockOp op, FrOperand a, FrOperand b)
        {
            _code.Add(new FrBlockInstruction(op, _code.Count, a, b));
            return FrOperand.Register(_code.Count - 1);
        }

        /// <summary>Virtual register v (written by instruction v) to a physical one: an operand's register is freed
        /// at its last reader before the result is placed, so an instruction may overwrite its own operand (each point
        /// reads only its own point); the lowest free register is taken first.</summary>
        public FrBlockProgram Allocate(FrOperand result, int inputs)
        {
            var lastUse = new int[_code.Count];
            for (int k = 0; k < _code.Count; k++)
            {
                if (_code[k].A.Kind == FrOperandKind.Register) lastUse[_code[k].A.Index] = k;
                if (_code[k].B.Kind == FrOperandKind.Register) lastUse[_code[k].B.Index] = k;
            }
            if (result.Kind == FrOperandKind.Register) lastUse[result.Index] = int.MaxValue;
            var physical = new int[_code.Count];
            var free = new SortedSet<int>();
            int registers = 0;
            FrOperand Map(FrOperand o) => o.Kind == FrOperandKind.Register ? FrOperand.Register(physical[o.Index]) : o;
            var code = new List<FrBlockInstruction>(_code.Count);
            for (int k = 0; k < _code.Count; k++)
            {
                var ins = _code[k];
                if (ins.A.Kind == FrOperandKind.Register && lastUse[ins.A.Index] == k) free.Add(physical[ins.A.Index]);
                if (ins.B.Kind == FrOperandKind.Register && lastUse[ins.B.Index] == k) free.Add(physical[ins.B.Index]);
                int r;
                if (free.Count > 0) { r = free.Min; free.Remove(r); }
                else r = registers++;
                physical[k] = r;
                // A value nobody reads (cannot happen for the DAG's reachable nodes) frees its register at once.
                if (lastUse[k] <= k) free.Add(r);
                code.Add(new FrBlockInstruction(ins.Op, r, Map(ins.A), Map(ins.B)));
            }
            return new FrBlockProgram(code, Math.Max(registers, 1), inputs, _constants, Map(result));
        }
    }
}
