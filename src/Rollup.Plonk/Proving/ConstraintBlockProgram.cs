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
        var nodes = dag.Nodes;
        var c = new Compiler();

        // Each node's operand: a constant (folded now when it does not depend on the point), an input, or (operations)
        // a virtual register numbered by the compiler.
        var operand = new FrOperand?[nodes.Count];
        var uniform = new Fr?[nodes.Count];
        var inputs = new List<(Leaf, PolyRef, int)>();
        var inputIds = new Dictionary<(Leaf, PolyRef, int), int>();
        FrOperand Input(Leaf kind, PolyRef poly, int rotation)
        {
            var key = (kind, poly, rotation);
            if (!inputIds.TryGetValue(key, out int i)) { i = inputs.Count; inputs.Add(key); inputIds[key] = i; }
            return FrOperand.Input(i);
        }
        for (int id = 0; id < nodes.Count; id++)
        {
            var n = nodes[id];
            switch (n.Op)
            {
                case DagOp.Evaluation:
                    var q = layout.Queries[n.A];
                    operand[id] = Input(Leaf.Poly, q.Poly, q.Rotation);
                    break;
                case DagOp.Instance:
                    var (column, rotation) = dag.InstanceQueries[n.A];
                    operand[id] = Input(Leaf.Poly, new PolyRef(PolyKind.Instance, column), rotation);
                    break;
                case DagOp.X: operand[id] = Input(Leaf.X, default, 0); break;
                case DagOp.LagrangeFirst: operand[id] = Input(Leaf.LagrangeFirst, default, 0); break;
                case DagOp.Challenge: uniform[id] = challenges[n.A]; break;
                case DagOp.Constant: uniform[id] = dag.Constants[n.A]; break;
                default:
                    if (uniform[n.A] is { } a && uniform[n.B] is { } b)
                        uniform[id] = n.Op switch { DagOp.Add => a + b, DagOp.Mul => a * b, _ => a - b };
                    break;
            }
            if (uniform[id] is { } value) operand[id] = c.Constant(value);
        }

        // Constraint by constraint: its operations depth first, then acc = acc·y + c_i. Before the first non-zero
        // constraint acc is zero, and a zero c_i adds nothing (exact: 0·y + c = c, a + 0 = a).
        var yOperand = c.Constant(y);
        FrOperand? acc = null;
        var emitted = new bool[nodes.Count];
        var stack = new Stack<(int Node, bool Expanded)>();
        foreach (int root in dag.Roots)
        {
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (id, expanded) = stack.Pop();
                if (operand[id] is not null && !expanded) continue; // a leaf, a folded constant or already computed
                var n = nodes[id];
                if (expanded) { operand[id] = c.Emit(Op(n.Op), operand[n.A]!.Value, operand[n.B]!.Value); continue; }
                if (emitted[id]) continue;
                emitted[id] = true;
                stack.Push((id, true));
                stack.Push((n.B, false));
                stack.Push((n.A, false));
            }
            var value = operand[root]!.Value;
            bool zero = uniform[root] is { IsZero: true };
            if (acc is null) acc = zero ? null : value;
            else
            {
                var scaled = c.Emit(FrBlockOp.Mul, acc.Value, yOperand);
                acc = zero ? scaled : c.Emit(FrBlockOp.Add, scaled, value);
            }
        }
        var program = c.Allocate(acc ?? c.Constant(Fr.Zero), inputs.Count);
        return new ConstraintBlockProgram(program, inputs.ToArray(), dag.TreeOperations + 2 * dag.Roots.Count);
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
