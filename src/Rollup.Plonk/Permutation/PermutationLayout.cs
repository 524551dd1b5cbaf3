using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Plonk.Permutation;

/// <summary>The copy constraints as a permutation σ of the cells of the equality-enabled columns: the cells that must
/// be equal form cycles. Cell (column i, row j) is labelled δ^i·ω^j (δ = 5 generates F_r*, so the cosets δ^i·H are
/// disjoint); σ's polynomials map each cell's label to the label of the next cell in its cycle.</summary>
public sealed class PermutationLayout
{
    /// <summary>σ as flat positions: position p = columnIndex·n + row maps to Mapping[p].</summary>
    public int[] Mapping { get; }
    public IReadOnlyList<Column> Columns { get; }
    public int Rows { get; }

    public PermutationLayout(IReadOnlyList<Column> columns, int rows, IEnumerable<(Cell A, Cell B)> copies)
    {
        Columns = columns;
        Rows = rows;
        int total = columns.Count * rows;
        Mapping = new int[total];
        var parent = new int[total];
        for (int p = 0; p < total; p++) { Mapping[p] = p; parent[p] = p; }

        int Position(Cell c)
        {
            int index = IndexOf(c.Column);
            if (index < 0) throw new InvalidOperationException($"{c.Column} is not enabled for equality");
            return index * rows + c.Row;
        }

        int Find(int p)
        {
            while (parent[p] != p) { parent[p] = parent[parent[p]]; p = parent[p]; }
            return p;
        }

        foreach (var (a, b) in copies)
        {
            int pa = Position(a), pb = Position(b);
            int ra = Find(pa), rb = Find(pb);
            if (ra == rb) continue; // already in one cycle: swapping would split it
            parent[ra] = rb;
            // Swapping the successors of two elements of different cycles joins the cycles into one.
            (Mapping[pa], Mapping[pb]) = (Mapping[pb], Mapping[pa]);
        }
    }

    public int IndexOf(Column column)
    {
        for (int i = 0; i < Columns.Count; i++) if (Columns[i] == column) return i;
        return -1;
    }

    /// <summary>δ^i for each column i: the coset shifts that label the columns.</summary>
    public static Fr[] Deltas(int count)
    {
        var deltas = new Fr[count];
        var d = Fr.One;
        for (int i = 0; i < count; i++) { deltas[i] = d; d *= Fr.MultiplicativeGenerator; }
        return deltas;
    }

    /// <summary>The values of σ_i on H: σ_i(ω^j) = δ^c·ω^r where (c, r) = σ(i, j).</summary>
    public Fr[][] SigmaValues(ReadOnlySpan<Fr> omegaPowers)
    {
        var deltas = Deltas(Columns.Count);
        var sigma = new Fr[Columns.Count][];
        for (int i = 0; i < Columns.Count; i++)
        {
            sigma[i] = new Fr[Rows];
            for (int j = 0; j < Rows; j++)
            {
                int target = Mapping[i * Rows + j];
                sigma[i][j] = deltas[target / Rows] * omegaPowers[target % Rows];
            }
        }
        return sigma;
    }
}
