using System.Globalization;
using System.Numerics;
using System.Text;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Plonk.Circuit;

/// <summary>Writes an expression tree as text and reads it back, for verifying key files. Prefix notation, one token
/// per node, so the text needs no brackets and the parser no precedence: <c>c HEX</c> a constant, <c>q A 0 -1</c> a
/// query (kind F/A/I, column index, rotation), <c>ch 0</c> a challenge, <c>+ a b</c>, <c>* a b</c>, <c>neg a</c>,
/// <c>scale HEX a</c>. The tree read back is node for node the one written, so the circuit's fingerprint (and with it
/// the verifying key's digest) is unchanged.</summary>
public static class ExpressionCodec
{
    public static string Write(Expression e)
    {
        var sb = new StringBuilder();
        e.Accept(new Writer(sb));
        return sb.ToString().TrimEnd();
    }

    /// <exception cref="FormatException">on a token that is not a node, a column or challenge the system lacks, a
    /// constant ≥ r, or text left over.</exception>
    public static Expression Read(string text, ConstraintSystem cs)
    {
        var tokens = new Tokens(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var e = ReadNode(tokens, cs);
        if (tokens.At != tokens.Count) throw new FormatException($"expression '{Shorten(text)}': text after the end at token {tokens.At + 1}");
        return e;
    }

    private sealed class Tokens(string[] tokens)
    {
        public int At { get; private set; }
        public int Count => tokens.Length;
        public string Next() => At < tokens.Length ? tokens[At++] : throw new FormatException("expression ends too early");
    }

    private static Expression ReadNode(Tokens t, ConstraintSystem cs)
    {
        string Next() => t.Next();
        string token = Next();
        switch (token)
        {
            case "c": return Expression.Constant(ParseField(Next()));
            case "ch":
                int ch = ParseInt(Next());
                if (ch < 0 || ch >= cs.Challenges.Count) throw new FormatException($"challenge {ch} does not exist ({cs.Challenges.Count} declared)");
                return cs.Challenges[ch].Value;
            case "q":
                string kind = Next();
                var columns = kind switch
                {
                    "F" => cs.FixedColumns, "A" => cs.AdviceColumns, "I" => cs.InstanceColumns,
                    _ => throw new FormatException($"column kind '{kind}' is not F, A or I"),
                };
                int index = ParseInt(Next());
                if (index < 0 || index >= columns.Count) throw new FormatException($"column {kind}{index} does not exist ({columns.Count} declared)");
                return columns[index].At(ParseInt(Next()));
            case "+": return new Sum(ReadNode(t, cs), ReadNode(t, cs));
            case "*": return new Product(ReadNode(t, cs), ReadNode(t, cs));
            case "neg": return new Negated(ReadNode(t, cs));
            case "scale":
                var k = ParseField(Next());
                return new Scaled(ReadNode(t, cs), k);
            default: throw new FormatException($"'{token}' is not an expression node");
        }
    }

    private static int ParseInt(string s) =>
        int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : throw new FormatException($"'{s}' is not an integer");

    private static Fr ParseField(string hex)
    {
        if (!hex.StartsWith("0x", StringComparison.Ordinal) || hex.Length < 3 || !BigInteger.TryParse("0" + hex[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v))
            throw new FormatException($"'{hex}' is not a 0x-hex constant");
        if (v >= Fr.Modulus) throw new FormatException($"constant {hex} is not below the field modulus r");
        return Fr.FromBigInteger(v);
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";

    private sealed class Writer(StringBuilder sb) : IExpressionVisitor<bool>
    {
        private static string Hex(Fr v) => "0x" + v.ToBigInteger().ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0');

        public bool Constant(Fr value) { sb.Append("c ").Append(Hex(value)).Append(' '); return true; }
        public bool Query(ColumnQuery q)
        {
            sb.Append("q ").Append(q.Column.Kind.ToString()[0]).Append(' ').Append(q.Column.Index.ToString(CultureInfo.InvariantCulture))
              .Append(' ').Append(q.Rotation.ToString(CultureInfo.InvariantCulture)).Append(' ');
            return true;
        }
        public bool Challenge(Challenge c) { sb.Append("ch ").Append(c.Index.ToString(CultureInfo.InvariantCulture)).Append(' '); return true; }
        public bool Sum(Expression a, Expression b) { sb.Append("+ "); a.Accept(this); return b.Accept(this); }
        public bool Product(Expression a, Expression b) { sb.Append("* "); a.Accept(this); return b.Accept(this); }
        public bool Negated(Expression a) { sb.Append("neg "); return a.Accept(this); }
        public bool Scaled(Expression a, Fr k) { sb.Append("scale ").Append(Hex(k)).Append(' '); return a.Accept(this); }
    }
}
