using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Plonk.Checking;

public enum FailureKind { Gate, Lookup, Copy }

/// <summary>One constraint a witness breaks: which (gate and polynomial, lookup, or copy), on which row, and the cells it
/// read with their values — enough to find the bug without a debugger.</summary>
public sealed record ConstraintFailure(FailureKind Kind, string Name, int Row, IReadOnlyList<(string Cell, Fr Value)> Cells, string? RowLabel = null)
{
    public override string ToString()
    {
        string where = RowLabel is null ? $"row {Row}" : $"row {Row} ({RowLabel})";
        string cells = string.Join(", ", Cells.Select(c => $"{c.Cell} = {Short(c.Value)}"));
        return $"{Kind.ToString().ToLowerInvariant()} '{Name}' fails at {where}: {cells}";
    }

    private static string Short(Fr v)
    {
        var big = v.ToBigInteger();
        var negated = Fr.Modulus - big;
        return big < 1_000_000 ? big.ToString() : negated < 1_000_000 ? "-" + negated : "0x" + big.ToString("x");
    }
}
