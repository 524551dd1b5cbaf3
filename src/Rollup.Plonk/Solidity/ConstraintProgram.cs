using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Plonk.Solidity;

/// <summary>What an instruction of <see cref="ConstraintProgram"/> computes from its operand slots.</summary>
public enum ProgramOp : byte
{
    /// <summary>slot[A] itself (written back to slot A): only to accumulate a constraint whose value is a leaf or was
    /// computed for an earlier constraint.</summary>
    Copy = 0,
    /// <summary>slot[A] + slot[B]</summary>
    Add = 1,
    /// <summary>slot[A] · slot[B]</summary>
    Mul = 2,
    /// <summary>slot[A] − slot[B]</summary>
    Sub = 3,
}

/// <summary>slot[Dst] = Op(slot[A], slot[B]); with <paramref name="Accumulate"/>, the result is also the next
/// constraint's value: numerator = numerator·y + result (Horner's rule in y). Folding the accumulation into the
/// instruction that computes a constraint's root saves an instruction per constraint.</summary>
public readonly record struct ProgramInstruction(ProgramOp Op, int Dst, int A, int B, bool Accumulate = false);

/// <summary>The constraint DAG as a program for a register machine over 32-byte memory slots, which the interpreting
/// verifier runs: the leaves sit in fixed slots the verifier fills first (evaluations, challenges, x, L₀, public-input
/// evaluations, constants), each operation writes a temporary slot, and a temporary's slot is reused once its value
/// is dead (its last reader has run), so the verifier's memory is the leaves plus the most values alive at once, not
/// one slot per node.
/// <para>Slots, in order: evaluations (<see cref="Protocol.ProtocolLayout.Queries"/>), challenges, x, L₀, public-input
/// evaluations (<see cref="ConstraintDag.InstanceQueries"/>), constants (<see cref="ConstraintDag.Constants"/>), then
/// temporaries.</para></summary>
public sealed class ConstraintProgram
{
    /// <summary>Bytes per encoded instruction: op·2 + accumulate, then Dst, A, B as 2-byte big-endian slot numbers.</summary>
    public const int InstructionBytes = 7;
    /// <summary>Slot numbers are 2 bytes.</summary>
    public const int MaxSlots = 1 << 16;

    public ConstraintDag Dag { get; }
    public IReadOnlyList<ProgramInstruction> Instructions { get; }
    public int EvaluationSlots { get; }
    public int ChallengeBase { get; }
    public int XSlot => ChallengeBase + ChallengeCount;
    public int LagrangeFirstSlot => XSlot + 1;
    public int InstanceBase => LagrangeFirstSlot + 1;
    public int ConstantBase => InstanceBase + Dag.InstanceQueries.Count;
    public int TemporaryBase => ConstantBase + Dag.Constants.Count;
    /// <summary>Temporaries the program needs at most at once.</summary>
    public int Temporaries { get; }
    public int SlotCount => TemporaryBase + Temporaries;
    private int ChallengeCount { get; }

    public ConstraintProgram(ConstraintDag dag, int evaluations, int challenges)
    {
        Dag = dag;
        EvaluationSlots = evaluations;
        ChallengeBase = evaluations;
        ChallengeCount = challenges;

        // Evaluation order: constraint by constraint, each operation right after the operations it reads (depth
        // first), then the constraint's accumulation. Keeping a constraint's operations together keeps few alive.
        var order = new List<int>();
        var emitted = new bool[dag.Nodes.Count];
        var steps = new List<(int Node, bool Accumulate)>();
        foreach (int root in dag.Roots)
        {
            Emit(root, emitted, steps);
            steps.Add((root, true));
        }

        // Liveness: the last step that reads each operation node.
        var lastUse = new Dictionary<int, int>();
        for (int s = 0; s < steps.Count; s++)
        {
            var (node, accumulate) = steps[s];
            if (accumulate) lastUse[node] = s;
            else { lastUse[dag.Nodes[node].A] = s; lastUse[dag.Nodes[node].B] = s; }
        }

        // Slots: a dead operand's slot is freed before the result is placed, so an instruction may overwrite its own
        // operand (the interpreter reads both operands before it writes). The lowest free slot is taken first.
        var slotOf = new Dictionary<int, int>();
        var free = new SortedSet<int>();
        int temporaries = 0;
        var instructions = new List<ProgramInstruction>();
        int Slot(int node) => dag.Nodes[node] switch
        {
            { Op: DagOp.Evaluation, A: var i } => i,
            { Op: DagOp.Challenge, A: var i } => ChallengeBase + i,
            { Op: DagOp.X } => XSlot,
            { Op: DagOp.LagrangeFirst } => LagrangeFirstSlot,
            { Op: DagOp.Instance, A: var i } => InstanceBase + i,
            { Op: DagOp.Constant, A: var i } => ConstantBase + i,
            _ => -1 - slotOf[node], // a temporary: renumbered below
        };
        void Release(int node, int step)
        {
            if (!dag.Nodes[node].IsLeaf && lastUse[node] == step && slotOf.Remove(node, out int t)) free.Add(t);
        }
        for (int s = 0; s < steps.Count; s++)
        {
            var (node, accumulate) = steps[s];
            if (accumulate)
            {
                // The root was computed just now: flag that instruction. Otherwise copy the root's slot onto itself.
                if (s > 0 && steps[s - 1] == (node, false)) instructions[^1] = instructions[^1] with { Accumulate = true };
                else instructions.Add(new ProgramInstruction(ProgramOp.Copy, Slot(node), Slot(node), 0, Accumulate: true));
                Release(node, s);
                continue;
            }
            var n = dag.Nodes[node];
            int a = Slot(n.A), b = Slot(n.B);
            Release(n.A, s);
            if (n.B != n.A) Release(n.B, s);
            int t;
            if (free.Count > 0) { t = free.Min; free.Remove(t); }
            else t = temporaries++;
            slotOf[node] = t;
            var op = n.Op switch { DagOp.Add => ProgramOp.Add, DagOp.Mul => ProgramOp.Mul, _ => ProgramOp.Sub };
            instructions.Add(new ProgramInstruction(op, -1 - t, a, b));
        }
        Temporaries = temporaries;
        // Temporaries (negative numbers so far) go after the leaves.
        Instructions = instructions.Select(i => i with
        {
            Dst = Resolve(i.Dst), A = Resolve(i.A), B = Resolve(i.B),
        }).ToList();
        if (SlotCount > MaxSlots) throw new InvalidOperationException($"the program needs {SlotCount} slots; slot numbers have 2 bytes");
    }

    private int Resolve(int slot) => slot < 0 ? TemporaryBase + (-1 - slot) : slot;

    private void Emit(int node, bool[] emitted, List<(int, bool)> steps)
    {
        // Iterative post-order: the permutation products and lookup compressions make deep left spines.
        var stack = new Stack<(int Node, bool Expanded)>();
        stack.Push((node, false));
        while (stack.Count > 0)
        {
            var (id, expanded) = stack.Pop();
            var n = Dag.Nodes[id];
            if (n.IsLeaf || emitted[id]) continue;
            if (expanded) { emitted[id] = true; steps.Add((id, false)); continue; }
            stack.Push((id, true));
            stack.Push((n.B, false));
            stack.Push((n.A, false));
        }
    }

    public static ConstraintProgram Build(Protocol.ProtocolLayout layout) =>
        new(ConstraintDag.Build(layout), layout.Queries.Count, new Protocol.ProtocolChallenges(layout.System).Count);

    /// <summary>op (1 byte), Dst, A, B (2 bytes each, big-endian) per instruction.</summary>
    public byte[] Encode()
    {
        var bytes = new byte[InstructionBytes * Instructions.Count];
        for (int i = 0; i < Instructions.Count; i++)
        {
            var ins = Instructions[i];
            var at = bytes.AsSpan(InstructionBytes * i);
            at[0] = (byte)((int)ins.Op << 1 | (ins.Accumulate ? 1 : 0));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(at[1..], (ushort)ins.Dst);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(at[3..], (ushort)ins.A);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(at[5..], (ushort)ins.B);
        }
        return bytes;
    }

    /// <summary>Runs the program as the interpreting verifier does (decoding <paramref name="code"/>, the output of
    /// <see cref="Encode"/>) and returns Σ y^(C−1−c)·C_c: the C# model of the Yul interpreter loop.</summary>
    public Fr Run(byte[] code, IReadOnlyList<Fr> evaluations, IReadOnlyList<Fr> challenges, Fr x, Fr l0, IReadOnlyList<Fr> instances, Fr y)
    {
        var slots = new Fr[SlotCount];
        for (int i = 0; i < evaluations.Count; i++) slots[i] = evaluations[i];
        for (int i = 0; i < challenges.Count; i++) slots[ChallengeBase + i] = challenges[i];
        slots[XSlot] = x;
        slots[LagrangeFirstSlot] = l0;
        for (int i = 0; i < instances.Count; i++) slots[InstanceBase + i] = instances[i];
        for (int i = 0; i < Dag.Constants.Count; i++) slots[ConstantBase + i] = Dag.Constants[i];
        var numerator = Fr.Zero;
        for (int at = 0; at < code.Length; at += InstructionBytes)
        {
            var span = code.AsSpan(at);
            int dst = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(span[1..]);
            var a = slots[System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(span[3..])];
            var b = slots[System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(span[5..])];
            var result = (ProgramOp)(span[0] >> 1) switch
            {
                ProgramOp.Add => a + b,
                ProgramOp.Mul => a * b,
                ProgramOp.Sub => a - b,
                _ => a,
            };
            slots[dst] = result;
            if ((span[0] & 1) != 0) numerator = numerator * y + result;
        }
        return numerator;
    }
}
