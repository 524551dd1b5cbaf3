namespace Rollup.Plonk.Circuit;

/// <summary>Fixed columns belong to the circuit (selectors, constants, lookup tables) and are committed in the
/// verifying key; advice columns hold the witness and are committed in the proof; instance columns hold the public
/// inputs, which the verifier evaluates itself.</summary>
public enum ColumnKind : byte { Fixed, Advice, Instance }

/// <summary>A column of the circuit's table. <see cref="Phase"/> orders advice commitments: phase-p advice may depend on
/// challenges drawn after every phase below p was committed (random linear combinations of bytes, for example).</summary>
public sealed record Column(ColumnKind Kind, int Index, string Name, int Phase = 0)
{
    /// <summary>The query of this column at a row offset (0 = the current row, 1 = the next, -1 = the previous).</summary>
    public Expression At(int rotation) => new ColumnQuery(this, rotation);

    public Expression Cur => At(0);
    public Expression Next => At(1);
    public Expression Prev => At(-1);

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} '{Name}'";
}

/// <summary>A verifier challenge available to advice of later phases (and to their constraints).</summary>
public sealed record Challenge(int Index, string Name, int AfterPhase)
{
    public Expression Value => new ChallengeQuery(this);
}
