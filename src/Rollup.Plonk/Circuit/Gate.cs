namespace Rollup.Plonk.Circuit;

/// <summary>A named custom gate: each of its polynomials must be zero on every row. Gates usually multiply by a
/// selector (a fixed column) so they bind only the rows a gadget switches on.</summary>
public sealed record Gate(string Name, IReadOnlyList<(string Name, Expression Polynomial)> Polynomials)
{
    public int Degree => Polynomials.Max(p => p.Polynomial.Degree);
}

/// <summary>A lookup argument (logUp): on every row where <see cref="Selector"/> is non-zero, the tuple of
/// <see cref="Inputs"/> must equal the tuple of <see cref="Table"/> on some row. Inputs and table are expressions,
/// so tables may be fixed (ranges, opcode properties) or advice (the read/write table), and several columns are
/// compressed into one value with a random challenge.</summary>
public sealed record Lookup(string Name, Expression Selector, IReadOnlyList<Expression> Inputs, IReadOnlyList<Expression> Table)
{
    /// <summary>Degree of the logUp constraint (φ(ωX) − φ(X))·(β + f)·(β + t) = q·(β + t) − m·(β + f).</summary>
    public int Degree
    {
        get
        {
            int f = Inputs.Max(e => e.Degree), t = Table.Max(e => e.Degree);
            return Math.Max(1 + f + t, Math.Max(Selector.Degree + t, 1 + f));
        }
    }
}
