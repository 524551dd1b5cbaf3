using System.Numerics;
using Rollup.Circuits.Tables;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.StateTree;

/// <summary>
/// The previous and the new state root as the public inputs carry them (docs/l1.md): each root's 32 big-endian bytes
/// as two 128-bit limbs, high first. Rows 0–31 decompose the previous root, rows 32–63 the new one, one byte per row
/// (range-checked in the byte table); an accumulator restarts at each limb, so it holds the high limb on a block's row
/// 15 and the low limb on row 31 (<see cref="PreviousHi"/> … <see cref="NewLo"/>: the cells to copy into the instance
/// column). The bytes are compared with r's, most significant first, so the limbs are the root's one canonical
/// representation (hi·2^128 + lo &lt; r; without it hi·2^128 + lo = root + k·r would be another pair of limbs). The
/// block is placed right after the state-tree regions, whose last row hands over both roots.
/// </summary>
public sealed class RootLimbs
{
    public const int Rows = 64;

    public Column Q { get; }
    public Column QRestart { get; }
    public Column QFirst { get; }
    public Column QLast { get; }
    public Column QLastOfPrevious { get; }
    public Column RByte { get; }

    public Column Byte { get; }
    public Column Acc { get; }
    public Column Lt { get; }
    public Column Eq { get; }
    public Column EqSoFar { get; }
    public Column Below { get; }
    public Column Diff { get; }
    /// <summary>The root this block decomposes (constant over the block).</summary>
    public Column Root { get; }
    /// <summary>The new root, carried over both blocks (the second block's root).</summary>
    public Column NewRoot { get; }

    public IEnumerable<Column> AdviceColumns => [Byte, Acc, Lt, Eq, EqSoFar, Below, Diff, Root, NewRoot];

    private int _start = -1;
    public Cell PreviousHi => new(Acc, Start + 15);
    public Cell PreviousLo => new(Acc, Start + 31);
    public Cell NewHi => new(Acc, Start + 47);
    public Cell NewLo => new(Acc, Start + 63);
    private int Start => _start >= 0 ? _start : throw new InvalidOperationException("the root limbs are not assigned yet");

    private static readonly byte[] RBytes = Fr.Modulus.ToByteArray(isUnsigned: true, isBigEndian: true);
    private static readonly Fr TwoTo128 = Fr.FromBigInteger(BigInteger.One << 128);

    /// <param name="previousRoot">Holds the previous root on <paramref name="handOver"/>'s row (the row before the block).</param>
    /// <param name="newRoot">Holds the new root there.</param>
    public RootLimbs(ConstraintSystem cs, ByteTable bytes, Column handOver, Column previousRoot, Column newRoot)
    {
        Q = cs.Selector("rl_q");
        QRestart = cs.Selector("rl_q_restart");
        QFirst = cs.Selector("rl_q_first");
        QLast = cs.Selector("rl_q_last");
        QLastOfPrevious = cs.Selector("rl_q_last_of_previous");
        RByte = cs.Fixed("rl_r_byte");
        Byte = cs.Advice("rl_byte");
        Acc = cs.Advice("rl_acc");
        Lt = cs.Advice("rl_lt");
        Eq = cs.Advice("rl_eq");
        EqSoFar = cs.Advice("rl_eq_so_far");
        Below = cs.Advice("rl_below");
        Diff = cs.Advice("rl_diff");
        Root = cs.Advice("rl_root");
        NewRoot = cs.Advice("rl_new_root");

        var q = Q.Cur;
        var (b, r, lt, eq) = (Byte.Cur, RByte.Cur, Lt.Cur, Eq.Cur);
        var notLastRow = q - QLast.Cur + QLastOfPrevious.Cur;   // every row but the block's very last
        cs.Gate("root limbs",
            ("the roots come from the state-tree regions (previous)", handOver.Cur * (Root.Next - previousRoot.Cur)),
            ("the roots come from the state-tree regions (new)", handOver.Cur * (NewRoot.Next - newRoot.Cur)),
            ("a limb starts with its first byte", QRestart.Cur * (Acc.Cur - b)),
            ("a limb takes one byte per row", (q - QRestart.Cur) * (Acc.Cur - Acc.Prev * 256 - b)),
            ("the root is hi·2^128 + lo", QLast.Cur * (Root.Cur - Acc.At(-16) * Expression.Constant(TwoTo128) - Acc.Cur)),
            ("the root is the same over its block", (q - QLast.Cur) * (Root.Next - Root.Cur)),
            ("the second block is the new root", QLastOfPrevious.Cur * (Root.Next - NewRoot.Cur)),
            ("the new root is carried", notLastRow * (NewRoot.Next - NewRoot.Cur)),
            ("lt is a bit", q * lt * (1 - lt)),
            ("eq is a bit", q * eq * (1 - eq)),
            ("lt and eq exclude each other", q * lt * eq),
            ("eq means the byte is r's", q * eq * (b - r)),
            ("diff: r − 1 − byte when below, byte − r − 1 when above", q * (Diff.Cur - lt * (r - 1 - b) - (1 - lt - eq) * (b - r - 1))),
            ("equal so far starts with the first byte", QFirst.Cur * (EqSoFar.Cur - eq)),
            ("equal so far", (q - QFirst.Cur) * (EqSoFar.Cur - EqSoFar.Prev * eq)),
            ("below starts with the first byte", QFirst.Cur * (Below.Cur - lt)),
            ("below: the first differing byte is smaller", (q - QFirst.Cur) * (Below.Cur - Below.Prev - EqSoFar.Prev * lt)),
            ("the root is below r", QLast.Cur * (1 - Below.Cur)));
        cs.Lookup("root limbs: bytes", q, [b], [bytes.Column.Cur]);
        cs.Lookup("root limbs: the byte comparison", q, [Diff.Cur], [bytes.Column.Cur]);
    }

    public void Assign(Assignment a, int start, Fr previousRoot, Fr newRoot)
    {
        _start = start;
        foreach (var (block, root) in new[] { (0, previousRoot), (1, newRoot) })
        {
            int row0 = start + 32 * block;
            var bytes = root.ToBigInteger().ToByteArray(isUnsigned: true, isBigEndian: true);
            var word = new byte[32];
            bytes.CopyTo(word, 32 - bytes.Length);
            a.Assign(QFirst, row0, 1UL);
            a.Assign(QLast, row0 + 31, 1UL);
            if (block == 0) a.Assign(QLastOfPrevious, row0 + 31, 1UL);
            BigInteger acc = 0;
            bool eqSoFar = true, below = false;
            for (int i = 0; i < 32; i++)
            {
                int row = row0 + i;
                byte v = word[i], rv = RBytes[i];
                a.Assign(Q, row, 1UL);
                a.Assign(RByte, row, rv);
                if (i % 16 == 0) { a.Assign(QRestart, row, 1UL); acc = 0; }
                acc = acc * 256 + v;
                a.Assign(Byte, row, v);
                a[Acc, row] = Fr.FromBigInteger(acc);
                a.Assign(Lt, row, v < rv ? 1UL : 0UL);
                a.Assign(Eq, row, v == rv ? 1UL : 0UL);
                a.Assign(Diff, row, v < rv ? (ulong)(rv - 1 - v) : v > rv ? (ulong)(v - rv - 1) : 0UL);
                below |= eqSoFar && v < rv;
                eqSoFar &= v == rv;
                a.Assign(EqSoFar, row, eqSoFar ? 1UL : 0UL);
                a.Assign(Below, row, below ? 1UL : 0UL);
                a[Root, row] = root;
                a[NewRoot, row] = newRoot;
            }
        }
    }
}
