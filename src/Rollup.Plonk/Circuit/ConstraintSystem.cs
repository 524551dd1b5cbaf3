using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Plonk.Circuit;

/// <summary>The shape of a circuit: its columns, gates, lookups, copy-enabled columns and challenges. Gadgets declare
/// what they need here (their cells, constraints and lookups, in one place); an <see cref="Assignment"/> then fills
/// the table. Degree and the number of phases follow from what was declared.</summary>
public sealed class ConstraintSystem
{
    private readonly List<Column> _fixed = [], _advice = [], _instance = [];
    private readonly List<Gate> _gates = [];
    private readonly List<Lookup> _lookups = [];
    private readonly List<Column> _equality = [];
    private readonly List<Challenge> _challenges = [];

    public IReadOnlyList<Column> FixedColumns => _fixed;
    public IReadOnlyList<Column> AdviceColumns => _advice;
    public IReadOnlyList<Column> InstanceColumns => _instance;
    public IReadOnlyList<Gate> Gates => _gates;
    public IReadOnlyList<Lookup> Lookups => _lookups;
    /// <summary>Columns whose cells may be tied together by copy constraints (the permutation argument).</summary>
    public IReadOnlyList<Column> EqualityColumns => _equality;
    public IReadOnlyList<Challenge> Challenges => _challenges;

    /// <summary>Advice phases: 1 + the highest phase of any advice column.</summary>
    public int Phases => _advice.Count == 0 ? 1 : _advice.Max(c => c.Phase) + 1;

    public Column Fixed(string name) => Add(_fixed, ColumnKind.Fixed, name, 0);
    public Column Advice(string name, int phase = 0) => Add(_advice, ColumnKind.Advice, name, phase);
    public Column Instance(string name) => Add(_instance, ColumnKind.Instance, name, 0);

    /// <summary>A fixed column used as a selector: the same thing, named for what it does.</summary>
    public Column Selector(string name) => Fixed(name);

    private Column Add(List<Column> list, ColumnKind kind, string name, int phase)
    {
        if (AllColumns.Any(c => c.Name == name)) throw new ArgumentException($"a column named '{name}' exists already");
        if (phase < 0) throw new ArgumentOutOfRangeException(nameof(phase));
        var column = new Column(kind, list.Count, name, phase);
        list.Add(column);
        return column;
    }

    public IEnumerable<Column> AllColumns => _fixed.Concat(_advice).Concat(_instance);

    /// <summary>Lets copy constraints involve this column's cells.</summary>
    public void EnableEquality(Column column)
    {
        if (!_equality.Contains(column)) _equality.Add(column);
    }

    /// <summary>A challenge the verifier draws after every advice column of <paramref name="afterPhase"/> (and below)
    /// is committed; usable by advice of later phases and by any constraint.</summary>
    public Challenge Challenge(string name, int afterPhase = 0)
    {
        var c = new Challenge(_challenges.Count, name, afterPhase);
        _challenges.Add(c);
        return c;
    }

    public void Gate(string name, params (string Name, Expression Polynomial)[] polynomials)
    {
        if (polynomials.Length == 0) throw new ArgumentException("a gate needs at least one polynomial");
        _gates.Add(new Gate(name, polynomials));
    }

    /// <summary>A gate with a single polynomial named after the gate.</summary>
    public void Gate(string name, Expression polynomial) => Gate(name, (name, polynomial));

    public void Lookup(string name, Expression? selector, Expression[] inputs, Expression[] table) =>
        LookupGroup(name, [(selector, inputs)], table);

    /// <summary>Several input tuples against one table, sharing one multiplicity and one running sum.</summary>
    public void LookupGroup(string name, (Expression? Selector, Expression[] Values)[] inputs, Expression[] table)
    {
        if (inputs.Length == 0) throw new ArgumentException($"lookup '{name}' has no inputs");
        foreach (var (_, values) in inputs)
            if (values.Length == 0 || values.Length != table.Length)
                throw new ArgumentException($"lookup '{name}': {values.Length} inputs against {table.Length} table columns");
        _lookups.Add(new Lookup(name, inputs.Select(i => new LookupInput(i.Selector ?? Expression.Constant(Fr.One), i.Values)).ToList(), table));
    }

    /// <summary>The largest constraint degree, at least 3 (the permutation argument needs it).</summary>
    public int Degree => Math.Max(3, Math.Max(_gates.Select(g => g.Degree).DefaultIfEmpty(0).Max(), _lookups.Select(l => l.Degree).DefaultIfEmpty(0).Max()));
}
