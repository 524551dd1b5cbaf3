using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Hashing;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Poseidon;

/// <summary>
/// circomlib's Poseidon permutation as a circuit, for the widths the state tree uses (docs/state-tree.md: t = 2 for
/// account keys, 3 for storage keys and values, 4 for trie nodes, 9 for account values). Every hash the batch needs is
/// computed here once, one row per round, and other circuits look the result up in <see cref="TableExpressions"/>:
/// (width, input₁ … input_{W−1}, output).
/// <para>Layout: the circuit reserves a fixed number of permutations per width (so the verifying key does not depend
/// on the batch); permutation p of width t occupies R_t + 1 rows (R_t = 8 + partial rounds). Row j &lt; R_t holds the
/// state before round j in <see cref="State"/>, the round's constants in <see cref="RoundConstants"/> and
/// (s_i + c_i)² in <see cref="Squares"/> for the cells that get an S-box; the last row holds the final state. The
/// output state[0] is carried up the rows in <see cref="Output"/>, so the first row alone is the lookup table's row.
/// One set of columns serves every width; a width-t row pins the cells past t to zero.</para>
/// <para>Each round, in the plain form of the paper (constants, S-boxes, then M): x_i = s_i + c_i; the S-box x⁵ is
/// sq_i²·x_i with sq_i = x_i² in a cell, so every constraint stays at degree 4 with its selector; s'_i = Σ_j M_ij·y_j
/// where y_j = x_j⁵ for the S-boxed cells (all in a full round, cell 0 in a partial one) and x_j otherwise.</para>
/// </summary>
public sealed class PoseidonChip
{
    public IReadOnlyList<int> Widths { get; }
    /// <summary>Permutations reserved per width.</summary>
    public IReadOnlyDictionary<int, int> Capacity { get; }
    public int MaxWidth { get; }
    public Column[] State { get; }
    public Column[] Squares { get; }
    public Column[] RoundConstants { get; }
    public Column Output { get; }
    /// <summary>Per width: full-round and partial-round selectors, the first row and the last row of a permutation.</summary>
    public IReadOnlyDictionary<int, (Column Full, Column Partial, Column First, Column Last)> Selectors { get; }
    /// <summary>The width of the permutation a row belongs to, on its first row (0 elsewhere): the table's tag.</summary>
    public Column WidthTag { get; }

    public PoseidonChip(ConstraintSystem cs, IReadOnlyDictionary<int, int> capacity)
    {
        Capacity = capacity;
        Widths = capacity.Keys.Order().ToList();
        MaxWidth = Widths.Max();
        State = Enumerable.Range(0, MaxWidth).Select(i => cs.Advice($"poseidon_s{i}")).ToArray();
        Squares = Enumerable.Range(0, MaxWidth).Select(i => cs.Advice($"poseidon_sq{i}")).ToArray();
        RoundConstants = Enumerable.Range(0, MaxWidth).Select(i => cs.Fixed($"poseidon_c{i}")).ToArray();
        Output = cs.Advice("poseidon_out");
        WidthTag = cs.Fixed("poseidon_width_tag");
        var selectors = new Dictionary<int, (Column, Column, Column, Column)>();
        foreach (int t in Widths)
        {
            var s = (Full: cs.Selector($"poseidon_t{t}_full"), Partial: cs.Selector($"poseidon_t{t}_partial"),
                First: cs.Selector($"poseidon_t{t}_first"), Last: cs.Selector($"poseidon_t{t}_last"));
            selectors[t] = s;
            Configure(cs, t, s.Full, s.Partial, s.First, s.Last);
        }
        Selectors = selectors;
    }

    private void Configure(ConstraintSystem cs, int t, Column full, Column partial, Column first, Column last)
    {
        var p = PoseidonParameters.For(t);
        Expression X(int i) => State[i].Cur + RoundConstants[i].Cur;
        Expression Fifth(int i) => Squares[i].Cur * Squares[i].Cur * X(i);
        var polys = new List<(string, Expression)>();
        foreach (var (q, isFull) in new[] { (full.Cur, true), (partial.Cur, false) })
        {
            string kind = isFull ? "full" : "partial";
            int boxed = isFull ? t : 1;
            for (int i = 0; i < boxed; i++)
                polys.Add(($"{kind} round: sq{i} = (s{i} + c{i})²", q * (Squares[i].Cur - X(i) * X(i))));
            for (int i = 0; i < t; i++)
            {
                Expression mixed = Expression.Constant(0);
                for (int j = 0; j < t; j++) mixed += Expression.Constant(p.Mds(i, j)) * (j < boxed ? Fifth(j) : X(j));
                polys.Add(($"{kind} round: s{i}' = row {i} of M times the S-boxed state", q * (State[i].Next - mixed)));
            }
            // Cells this width does not use are zero, so no free value hides in them.
            for (int i = boxed; i < MaxWidth; i++) polys.Add(($"{kind} round: sq{i} unused", q * Squares[i].Cur));
            for (int i = t; i < MaxWidth; i++) polys.Add(($"{kind} round: s{i} unused", q * State[i].Cur));
            polys.Add(($"{kind} round: the output is carried", q * (Output.Next - Output.Cur)));
        }
        polys.Add(("the capacity cell starts at zero", first.Cur * State[0].Cur));
        polys.Add(("the output is the final state's cell 0", last.Cur * (Output.Cur - State[0].Cur)));
        for (int i = 0; i < MaxWidth; i++) polys.Add(($"last row: sq{i} unused", last.Cur * Squares[i].Cur));
        for (int i = t; i < MaxWidth; i++) polys.Add(($"last row: s{i} unused", last.Cur * State[i].Cur));
        cs.Gate($"poseidon t={t}", polys.ToArray());
    }

    public static int RowsPer(int width) => PoseidonParameters.FullRounds + PoseidonParameters.PartialRoundsFor(width) + 1;

    /// <summary>Rows the reserved permutations take.</summary>
    public int RowCount => Widths.Sum(t => Capacity[t] * RowsPer(t));

    /// <summary>(width, input₁ … input_{W−1}, output) on each permutation's first row, zeros elsewhere. A lookup into it
    /// with width t and inputs padded with zeros asks "is this Poseidon(inputs)?".</summary>
    public Expression[] TableExpressions =>
        [WidthTag.Cur, .. State.Skip(1).Select(c => c.Cur), Output.Cur];

    /// <summary>Fills the reserved permutations from <paramref name="startRow"/>: the given inputs (by width; each of
    /// length t − 1), then zero inputs for the unused reservations. Returns the hashes in the order given.</summary>
    public Dictionary<int, List<Fr>> Assign(Assignment a, int startRow, IReadOnlyDictionary<int, List<Fr[]>> inputsByWidth)
    {
        var outputs = new Dictionary<int, List<Fr>>();
        int row = startRow;
        foreach (int t in Widths)
        {
            var inputs = inputsByWidth.GetValueOrDefault(t) ?? [];
            if (inputs.Count > Capacity[t]) throw new InvalidOperationException($"{inputs.Count} Poseidon hashes of width {t}; the circuit reserves {Capacity[t]}");
            outputs[t] = [];
            for (int k = 0; k < Capacity[t]; k++)
            {
                var input = k < inputs.Count ? inputs[k] : new Fr[t - 1];
                if (input.Length != t - 1) throw new ArgumentException($"width {t} takes {t - 1} inputs, got {input.Length}");
                var output = AssignPermutation(a, row, t, input);
                if (k < inputs.Count) outputs[t].Add(output);
                row += RowsPer(t);
            }
        }
        return outputs;
    }

    private Fr AssignPermutation(Assignment a, int start, int t, Fr[] input)
    {
        var p = PoseidonParameters.For(t);
        var (full, partial, first, last) = Selectors[t];
        var state = new Fr[t];
        input.CopyTo(state, 1);
        var expected = Rollup.Crypto.Hashing.Poseidon.Hash(input);
        a.Assign(first, start, 1UL);
        a.Assign(WidthTag, start, (ulong)t);
        for (int r = 0; r < p.Rounds; r++)
        {
            int row = start + r;
            bool isFull = p.IsFullRound(r);
            a.Assign(isFull ? full : partial, row, 1UL);
            for (int i = 0; i < t; i++) { a[State[i], row] = state[i]; a[RoundConstants[i], row] = p.RoundConstant(r, i); }
            var y = new Fr[t];
            for (int i = 0; i < t; i++)
            {
                var x = state[i] + p.RoundConstant(r, i);
                if (isFull || i == 0)
                {
                    var sq = x * x;
                    a[Squares[i], row] = sq;
                    y[i] = sq * sq * x;
                }
                else y[i] = x;
            }
            for (int i = 0; i < t; i++)
            {
                Fr acc = Fr.Zero;
                for (int j = 0; j < t; j++) acc += p.Mds(i, j) * y[j];
                state[i] = acc;
            }
        }
        int end = start + p.Rounds;
        a.Assign(last, end, 1UL);
        for (int i = 0; i < t; i++) a[State[i], end] = state[i];
        // The circuit's arithmetic is the paper's; the library's optimized schedule (checked against circomlibjs) must agree.
        if (state[0] != expected) throw new InvalidOperationException("the Poseidon chip's permutation disagrees with Rollup.Crypto's Poseidon");
        for (int row = start; row <= end; row++) a[Output, row] = state[0];
        return state[0];
    }
}
