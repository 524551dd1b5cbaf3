using Rollup.Crypto.Bn254.Fields;

namespace Rollup.Crypto.Bn254.Towers;

public readonly partial struct Fq6
{
    /// <summary>
    /// Queues the six F_q2 products of <see cref="Multiply"/> (a0b0, a1b1, a2b2 and the three
    /// Karatsuba cross terms) in <paramref name="batch"/>; <see cref="BatchedProduct"/> reads the result.
    /// The pair sums are reduced F_q2 additions, so every queued operand component stays below q.
    /// </summary>
    internal static int QueueProduct(ref Fq2Batch batch, in Fq6 a, in Fq6 b)
    {
        int s = batch.QueueProduct(a.C0, b.C0);
        batch.QueueProduct(a.C1, b.C1);
        batch.QueueProduct(a.C2, b.C2);
        batch.QueueProduct(a.C1 + a.C2, b.C1 + b.C2);
        batch.QueueProduct(a.C0 + a.C1, b.C0 + b.C1);
        batch.QueueProduct(a.C0 + a.C2, b.C0 + b.C2);
        return s;
    }

    /// <summary>
    /// Writes the six F_q2 operand pairs of a·b (the order of <see cref="QueueProduct"/>) to entries
    /// <paramref name="at"/>..+5 of the operand spans, for the fused kernel <see cref="Fields.Fq8Math.MultiplyFq12"/>.
    /// </summary>
    internal static void WriteProductLanes(Span<U256> x0, Span<U256> x1, Span<U256> y0, Span<U256> y1, int at, in Fq6 a, in Fq6 b)
    {
        WriteLane(x0, x1, y0, y1, at, a.C0, b.C0);
        WriteLane(x0, x1, y0, y1, at + 1, a.C1, b.C1);
        WriteLane(x0, x1, y0, y1, at + 2, a.C2, b.C2);
        WriteLane(x0, x1, y0, y1, at + 3, a.C1 + a.C2, b.C1 + b.C2);
        WriteLane(x0, x1, y0, y1, at + 4, a.C0 + a.C1, b.C0 + b.C1);
        WriteLane(x0, x1, y0, y1, at + 5, a.C0 + a.C2, b.C0 + b.C2);
    }

    /// <summary>Writes the five operand pairs of a·(b0 + b1·v) (the order of <see cref="QueueMulBy01"/>) to entries <paramref name="at"/>..+4.</summary>
    internal static void WriteMulBy01Lanes(Span<U256> x0, Span<U256> x1, Span<U256> y0, Span<U256> y1, int at, in Fq6 a, in Fq2 b0, in Fq2 b1)
    {
        WriteLane(x0, x1, y0, y1, at, a.C0, b0);
        WriteLane(x0, x1, y0, y1, at + 1, a.C1, b1);
        WriteLane(x0, x1, y0, y1, at + 2, a.C2, b1);
        WriteLane(x0, x1, y0, y1, at + 3, a.C0 + a.C1, b0 + b1);
        WriteLane(x0, x1, y0, y1, at + 4, a.C2, b0);
    }

    internal static void WriteLane(Span<U256> x0, Span<U256> x1, Span<U256> y0, Span<U256> y1, int k, in Fq2 x, in Fq2 y)
    {
        x0[k] = x.A0.Limbs; x1[k] = x.A1.Limbs; y0[k] = y.A0.Limbs; y1[k] = y.A1.Limbs;
    }

    /// <summary>The product queued by <see cref="QueueProduct"/> at <paramref name="slot"/>, combined as in <see cref="Multiply"/>.</summary>
    internal static Fq6 BatchedProduct(in Fq2Batch batch, int slot)
    {
        Fq2 v0 = batch.Product(slot), v1 = batch.Product(slot + 1), v2 = batch.Product(slot + 2);
        Fq2 c0 = Fq2.XiTimesDifferencePlus(batch.Product(slot + 3), v1, v2, v0);
        Fq2 c1 = Fq2.SubSubPlusXiTimes(batch.Product(slot + 4), v0, v1, v2);
        Fq2 c2 = Fq2.SubSubAdd(batch.Product(slot + 5), v0, v2, v1);
        return new(c0, c1, c2);
    }

    /// <summary>Queues the five F_q2 products of <see cref="MulBy01"/>; <see cref="BatchedMulBy01"/> reads the result.</summary>
    internal static int QueueMulBy01(ref Fq2Batch batch, in Fq6 a, in Fq2 b0, in Fq2 b1)
    {
        int s = batch.QueueProduct(a.C0, b0);
        batch.QueueProduct(a.C1, b1);
        batch.QueueProduct(a.C2, b1);
        batch.QueueProduct(a.C0 + a.C1, b0 + b1);
        batch.QueueProduct(a.C2, b0);
        return s;
    }

    /// <summary>The product queued by <see cref="QueueMulBy01"/>, combined as in <see cref="MulBy01"/>.</summary>
    internal static Fq6 BatchedMulBy01(in Fq2Batch batch, int slot)
    {
        Fq2 t0 = batch.Product(slot), t1 = batch.Product(slot + 1);
        Fq2 c0 = Fq2.XiTimesPlus(batch.Product(slot + 2), t0);
        Fq2 c1 = Fq2.SubSub(batch.Product(slot + 3), t0, t1);
        Fq2 c2 = batch.Product(slot + 4) + t1;
        return new(c0, c1, c2);
    }

    /// <summary>Queues the three F_q2 products of <see cref="MulByFq2"/>.</summary>
    internal static int QueueMulByFq2(ref Fq2Batch batch, in Fq6 a, in Fq2 s)
    {
        int slot = batch.QueueProduct(a.C0, s);
        batch.QueueProduct(a.C1, s);
        batch.QueueProduct(a.C2, s);
        return slot;
    }

    /// <summary>The product queued by <see cref="QueueMulByFq2"/>.</summary>
    internal static Fq6 BatchedMulByFq2(in Fq2Batch batch, int slot) =>
        new(batch.Product(slot), batch.Product(slot + 1), batch.Product(slot + 2));
}
