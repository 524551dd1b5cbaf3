namespace Rollup.Plonk.Circuit;

/// <summary>A named custom gate: each of its polynomials must be zero on every row. Gates usually multiply by a
/// selector (a fixed column) so they bind only the rows a gadget switches on.</summary>
public sealed record Gate(string Name, IReadOnlyList<(string Name, Expression Polynomial)> Polynomials)
{
    public int Degree => Polynomials.Max(p => p.Polynomial.Degree);
}

/// <summary>One tuple a lookup checks: on rows where <see cref="Selector"/> is non-zero (it weighs the row: 1 for
/// an ordinary selector), the tuple of <see cref="Values"/> must occur in the table.</summary>
public sealed record LookupInput(Expression Selector, IReadOnlyList<Expression> Values);

/// <summary>A lookup argument (logUp): every input tuple, on every row where its selector is non-zero, must equal the
/// tuple of <see cref="Table"/> on some row. Inputs and table are expressions, so tables may be fixed (ranges, opcode
/// properties) or advice (the read/write table), and several columns are compressed into one value with a random
/// challenge. Several inputs may share one table and one running sum (a group), which costs one multiplicity and one
/// sum polynomial for all of them at the price of a higher constraint degree.</summary>
public sealed record Lookup(string Name, IReadOnlyList<LookupInput> Inputs, IReadOnlyList<Expression> Table)
{
    /// <summary>Degree of the logUp constraint
    /// (φ(ωX) − φ(X))·Π(β + f_i)·(β + t) = Σ_i q_i·Π_{j≠i}(β + f_j)·(β + t) − m·Π(β + f_i).</summary>
    public int Degree
    {
        get
        {
            int t = Table.Max(e => e.Degree);
            var f = Inputs.Select(i => i.Values.Max(e => e.Degree)).ToArray();
            int sumF = f.Sum();
            int selectorTerms = Inputs.Select((input, i) => input.Selector.Degree + sumF - f[i] + t).Max();
            return Math.Max(1 + sumF + t, Math.Max(selectorTerms, 1 + sumF));
        }
    }

    /// <summary>Every expression the lookup reads (for the opening queries and reports).</summary>
    public IEnumerable<Expression> Expressions => Inputs.SelectMany(i => i.Values.Append(i.Selector)).Concat(Table);
}
