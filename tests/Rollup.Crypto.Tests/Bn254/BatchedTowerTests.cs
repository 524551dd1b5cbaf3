using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Crypto.Bn254.Pairing;
using Rollup.Crypto.Bn254.Towers;

namespace Rollup.Crypto.Tests.Bn254;

/// <summary>
/// The eight-lane F_q2 products (<see cref="Fq8Math"/>) against BigInteger, and the batched F_q12
/// operations against their one-product-at-a-time versions: results must be bit-identical.
/// </summary>
public class BatchedTowerTests
{
    private static readonly BigInteger Q = Fq.Modulus;
    private static readonly BigInteger RInverse = BigInteger.ModPow(BigInteger.One << 256, Q - 2, Q);

    /// <summary>Random F_q values with edge cases mixed in: 0, 1, q − 1, small and large raw Montgomery limbs.</summary>
    private static Fq[] Values(int count, Random rng)
    {
        Fq[] edges =
        [
            Fq.Zero, Fq.One, -Fq.One, Fq.FromBigInteger(Q - 2), new Fq(new U256(1, 0, 0, 0)),
            new Fq(new U256(0x3c208c16d87cfd46, 0x97816a916871ca8d, 0xb85045b68181585d, 0x30644e72e131a029)), // raw q − 1
            new Fq(new U256(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, 0x30644e72e131a028)),
            Fq.FromBigInteger(BigInteger.One << 253), new Fq(new U256(0, 0, 0, 1UL << 61)),
        ];
        var v = new Fq[count];
        for (int i = 0; i < count; i++) v[i] = rng.Next(4) == 0 ? edges[rng.Next(edges.Length)] : Fq.Random(rng);
        return v;
    }

    private static BigInteger Raw(in U256 x) => LimbCodec.ToBigInteger(x);

    private static BigInteger Mod(BigInteger x) => ((x % Q) + Q) % Q;

    [Fact]
    public void Modulus_constants_are_q_in_radix_2_29()
    {
        ulong[] limbs = [Fq8Math.Q0, Fq8Math.Q1, Fq8Math.Q2, Fq8Math.Q3, Fq8Math.Q4, Fq8Math.Q5, Fq8Math.Q6, Fq8Math.Q7, Fq8Math.Q8];
        BigInteger q = 0;
        for (int i = 8; i >= 0; i--) q = (q << 29) + limbs[i];
        Assert.Equal(Q, q);
        Assert.Equal(BigInteger.Zero, (Q * Fq8Math.NegInv + 1) % (BigInteger.One << 29));
    }

    [Fact]
    public void Eight_lane_Fq2_products_match_BigInteger_and_the_scalar_product()
    {
        if (!Fq8Math.IsSupported) return;
        var rng = new Random(81);
        const int n = 24;
        for (int round = 0; round < 300; round++)
        {
            Fq[] x0 = Values(n, rng), x1 = Values(n, rng), y0 = Values(n, rng), y1 = Values(n, rng);
            var re = new U256[n];
            var im = new U256[n];
            Fq8Math.MultiplyFq2(Limbs(x0), Limbs(x1), Limbs(y0), Limbs(y1), re, im, n);
            for (int i = 0; i < n; i++)
            {
                // Montgomery: stored values are a·R; the product stores a·b·R, i.e. raw(a)·raw(b)·R^-1.
                BigInteger a0 = Raw(x0[i].Limbs), a1 = Raw(x1[i].Limbs), b0 = Raw(y0[i].Limbs), b1 = Raw(y1[i].Limbs);
                Assert.Equal(Mod((a0 * b0 - a1 * b1) * RInverse), Raw(re[i]));
                Assert.Equal(Mod((a0 * b1 + a1 * b0) * RInverse), Raw(im[i]));
                Fq2.Multiply(new Fq2(x0[i], x1[i]), new Fq2(y0[i], y1[i]), out Fq2 scalar);
                Assert.Equal(scalar, new Fq2(new Fq(re[i]), new Fq(im[i])));
            }
        }
    }

    [Fact]
    public void Eight_lane_Fq2_squares_match_BigInteger_and_the_scalar_square()
    {
        if (!Fq8Math.IsSupported) return;
        var rng = new Random(82);
        const int n = 16;
        for (int round = 0; round < 300; round++)
        {
            Fq[] x0 = Values(n, rng), x1 = Values(n, rng);
            var re = new U256[n];
            var im = new U256[n];
            Fq8Math.SquareFq2(Limbs(x0), Limbs(x1), re, im, n);
            for (int i = 0; i < n; i++)
            {
                BigInteger a0 = Raw(x0[i].Limbs), a1 = Raw(x1[i].Limbs);
                Assert.Equal(Mod((a0 * a0 - a1 * a1) * RInverse), Raw(re[i]));
                Assert.Equal(Mod(2 * a0 * a1 * RInverse), Raw(im[i]));
                Fq2.Square(new Fq2(x0[i], x1[i]), out Fq2 scalar);
                Assert.Equal(scalar, new Fq2(new Fq(re[i]), new Fq(im[i])));
            }
        }
    }

    [Fact]
    public void Eight_lane_Fq_product_equals_the_BigInteger_Montgomery_product()
    {
        if (!Fq8Math.IsSupported) return;
        var rng = new Random(88);
        for (int round = 0; round < 200; round++)
        {
            Fq[] x = Values(8, rng), y = Values(8, rng);
            U256[] r = Limbs(x);
            Fq8Math.MultiplyFq(r, Limbs(y));
            for (int i = 0; i < 8; i++)
            {
                Assert.Equal(Mod(Raw(x[i].Limbs) * Raw(y[i].Limbs) * RInverse), Raw(r[i]));
                Assert.Equal(x[i] * y[i], new Fq(r[i]));
            }
        }
    }

    [Fact]
    public void Eight_lane_kernels_reject_counts_that_are_not_whole_groups()
    {
        var a = new U256[8];
        Assert.Throws<ArgumentException>(() => Fq8Math.MultiplyFq2(a, a, a, a, new U256[8], new U256[8], 4));
        Assert.Throws<ArgumentException>(() => Fq8Math.SquareFq2(a, a, new U256[8], new U256[8], 16));
    }

    private static U256[] Limbs(Fq[] v) => v.Select(x => x.Limbs).ToArray();

    private static Fq2 RandomFq2(Random rng)
    {
        Fq[] c = Values(2, rng);
        return new Fq2(c[0], c[1]);
    }

    private static Fq12 RandomFq12(Random rng)
    {
        Fq6 R6() => new(RandomFq2(rng), RandomFq2(rng), RandomFq2(rng));
        return rng.Next(10) switch
        {
            0 => Fq12.Zero,
            1 => Fq12.One,
            2 => -Fq12.One,
            _ => new Fq12(R6(), R6()),
        };
    }

    [Fact]
    public void Batched_Fq12_product_square_and_line_products_equal_the_scalar_ones()
    {
        var rng = new Random(83);
        for (int i = 0; i < 400; i++)
        {
            Fq12 a = RandomFq12(rng), b = RandomFq12(rng);
            Fq2 la = RandomFq2(rng), lb = RandomFq2(rng), lc = RandomFq2(rng);

            Fq12.Multiply(a, b, out Fq12 product);
            Fq12.MultiplyScalar(a, b, out Fq12 productScalar);
            Assert.Equal(productScalar, product);

            Fq12.Square(a, out Fq12 square);
            Fq12.SquareScalar(a, out Fq12 squareScalar);
            Assert.Equal(squareScalar, square);
            Assert.Equal(a * a, square);

            Fq12.MultiplyByLine(a, la, lb, lc, out Fq12 line);
            Fq12.MultiplyByLineScalar(a, la, lb, lc, out Fq12 lineScalar);
            Assert.Equal(lineScalar, line);
            Assert.Equal(a * new Fq12(new Fq6(la, Fq2.Zero, Fq2.Zero), new Fq6(lb, lc, Fq2.Zero)), line);

            Fq12.MultiplyByNormalizedLine(a, lb, lc, out Fq12 normalized);
            Fq12.MultiplyByNormalizedLineScalar(a, lb, lc, out Fq12 normalizedScalar);
            Assert.Equal(normalizedScalar, normalized);
        }
    }

    [Fact]
    public void Batched_cyclotomic_square_equals_the_scalar_one_and_the_plain_square()
    {
        var rng = new Random(84);
        for (int i = 0; i < 200; i++)
        {
            // f^((q^6 - 1)(q^2 + 1)) is in the cyclotomic subgroup.
            Fq12 f = RandomFq12(rng);
            if (f.IsZero) continue;
            Fq12 t = f.Conjugate() * f.Inverse();
            Fq12 g = t.Frobenius(2) * t;
            Fq12 batched = g.CyclotomicSquare();
            Assert.Equal(g.CyclotomicSquareScalar(), batched);
            Assert.Equal(g.Square(), batched);
        }
    }

    [Fact]
    public void Vector_cyclotomic_combinations_equal_the_scalar_formulas_on_any_input()
    {
        // The kernel's formulas hold for any F_q12 value, not only cyclotomic ones; arbitrary inputs with edge
        // components (0, 1, q − 1, raw q − 1, ...) push every output to the ends of its range (−57q, 35q) and
        // the top-limb quotient estimate to its largest and smallest values.
        var rng = new Random(85);
        for (int i = 0; i < 2000; i++)
        {
            Fq12 f = RandomFq12(rng);
            Assert.Equal(f.CyclotomicSquareScalar(), f.CyclotomicSquare());
        }
        Fq edge = Fq.FromBigInteger(Q - 1);
        var qMinusOne = new Fq2(edge, edge);
        var top = new Fq12(new Fq6(qMinusOne, qMinusOne, qMinusOne), new Fq6(qMinusOne, qMinusOne, qMinusOne));
        Assert.Equal(top.CyclotomicSquareScalar(), top.CyclotomicSquare());
    }

    [Fact]
    public void Cyclotomic_squares_in_a_row_equal_the_scalar_squares_one_at_a_time()
    {
        // The chain kernel keeps the value in limb form between squares and forms the ninth square in lanes; its
        // formulas hold for any F_q12 value, so random and edge inputs cover its ranges, and cyclotomic ones check
        // the result against the plain square.
        var rng = new Random(87);
        Fq edge = Fq.FromBigInteger(Q - 1);
        var qMinusOne = new Fq2(edge, edge);
        var top = new Fq12(new Fq6(qMinusOne, qMinusOne, qMinusOne), new Fq6(qMinusOne, qMinusOne, qMinusOne));
        for (int i = 0; i < 300; i++)
        {
            Fq12 f = i == 0 ? top : RandomFq12(rng);
            int count = 1 + i % 7;
            Fq12 want = f;
            for (int k = 0; k < count; k++) want = want.CyclotomicSquareScalar();
            Assert.Equal(want, f.CyclotomicSquareTimes(count));
        }
        for (int i = 0; i < 20; i++)
        {
            Fq12 f = RandomFq12(rng);
            Fq12 t = f.Conjugate() * f.Inverse();
            Fq12 g = t.Frobenius(2) * t;
            Assert.Equal(g.Square().Square().Square().Square().Square(), g.CyclotomicSquareTimes(5));
        }
        Assert.Equal(top, top.CyclotomicSquareTimes(0));
    }

    [Fact]
    public void Fused_Fq12_product_equals_the_scalar_product_on_random_and_edge_inputs()
    {
        // One reduction per output after the whole Karatsuba recombination: operands with components 0, 1, q − 1 and
        // raw q − 1 drive the unreduced totals toward the ends of their range (see Fq8Math.MultiplyFq12).
        var rng = new Random(86);
        for (int i = 0; i < 2000; i++)
        {
            Fq12 a = RandomFq12(rng), b = RandomFq12(rng);
            Fq12.MultiplyScalar(a, b, out Fq12 want);
            Assert.Equal(want, a * b);
        }
        Fq edge = Fq.FromBigInteger(Q - 1);
        var qMinusOne = new Fq2(edge, edge);
        var top = new Fq12(new Fq6(qMinusOne, qMinusOne, qMinusOne), new Fq6(qMinusOne, qMinusOne, qMinusOne));
        Fq12.MultiplyScalar(top, top, out Fq12 topSquared);
        Assert.Equal(topSquared, top * top);
    }

    [Fact]
    public void Fused_Fq12_square_gives_the_square_and_the_four_extra_products()
    {
        if (!Fq8Math.IsSupported) return;
        var rng = new Random(87);
        Span<U256> storage = stackalloc U256[80];
        Span<U256> aRe = storage[..8], aIm = storage.Slice(8, 8), wRe = storage.Slice(16, 8), wIm = storage.Slice(24, 8);
        Span<U256> eRe = storage.Slice(32, 8), eIm = storage.Slice(40, 8), re = storage.Slice(48, 16), im = storage.Slice(64, 16);
        int[] extra = [6, 7, 14, 15];
        for (int i = 0; i < 1000; i++)
        {
            Fq12 a = RandomFq12(rng);
            Fq2[] u = [.. extra.Select(_ => RandomFq2(rng))], v = [.. extra.Select(_ => RandomFq2(rng))];
            Fq12.WriteSquareInputs(aRe, aIm, wRe, wIm, a);
            for (int j = 0; j < 4; j++)
            {
                eRe[j] = u[j].A0.Limbs; eIm[j] = u[j].A1.Limbs; eRe[4 + j] = v[j].A0.Limbs; eIm[4 + j] = v[j].A1.Limbs;
            }
            Fq8Math.SquareFq12(aRe, aIm, wRe, wIm, eRe, eIm, re, im);
            Fq12.SquareScalar(a, out Fq12 want);
            Assert.Equal(want, Fq12.SquareLanesResult(re, im));
            for (int j = 0; j < 4; j++) Assert.Equal(u[j] * v[j], Fq12.Lane(re, im, extra[j]));
        }
    }

    [Fact]
    public void Batch_slots_come_back_in_queue_order_for_partial_groups()
    {
        var rng = new Random(85);
        for (int products = 0; products <= 17; products++)
        {
            int squares = (products * 5) % 11;
            Span<U256> storage = new U256[Fq2Batch.StorageFor(products, squares)];
            var batch = new Fq2Batch(storage, products, squares);
            var px = new Fq2[products]; var py = new Fq2[products]; var sx = new Fq2[squares];
            var ps = new int[products]; var ss = new int[squares];
            for (int i = 0; i < Math.Max(products, squares); i++)
            {
                if (i < products) { px[i] = RandomFq2(rng); py[i] = RandomFq2(rng); ps[i] = batch.QueueProduct(px[i], py[i]); }
                if (i < squares) { sx[i] = RandomFq2(rng); ss[i] = batch.QueueSquare(sx[i]); }
            }
            batch.Run();
            for (int i = 0; i < products; i++) Assert.Equal(px[i] * py[i], batch.Product(ps[i]));
            for (int i = 0; i < squares; i++) Assert.Equal(sx[i].Square(), batch.Square(ss[i]));
            // The same queue through the path machines without AVX-512 take.
            var scalar = new Fq2Batch(new U256[Fq2Batch.StorageFor(products, squares)], products, squares);
            for (int i = 0; i < products; i++) scalar.QueueProduct(px[i], py[i]);
            for (int i = 0; i < squares; i++) scalar.QueueSquare(sx[i]);
            scalar.RunScalar();
            for (int i = 0; i < products; i++) Assert.Equal(px[i] * py[i], scalar.Product(i));
            for (int i = 0; i < squares; i++) Assert.Equal(sx[i].Square(), scalar.Square(i));
        }
    }

    [Fact]
    public void Pairing_is_unchanged_by_the_batched_towers()
    {
        // e(aP, bQ) = e(P, Q)^(ab) through the batched path, and the final exponentiation of a
        // Miller-loop value equals the generic power by (q^12 - 1)/r.
        var rng = new Random(86);
        var p = Rollup.Crypto.Bn254.Curves.G1Affine.Generator;
        var q = Rollup.Crypto.Bn254.Curves.G2Affine.Generator;
        Fq12 e = Bn254Pairing.Pair(p, q);
        Fr a = Fr.Random(rng), b = Fr.Random(rng);
        var ap = (Rollup.Crypto.Bn254.Curves.G1Jacobian.Generator * a).ToAffine();
        var bq = (Rollup.Crypto.Bn254.Curves.G2Jacobian.Generator * b).ToAffine();
        Assert.Equal(e.Pow(a.ToBigInteger() * b.ToBigInteger()), Bn254Pairing.Pair(ap, bq));
        Fq12 ml = Bn254Pairing.MillerLoopProduct([ap], [bq]);
        BigInteger exponent = (BigInteger.Pow(Q, 12) - 1) / Fr.Modulus;
        Assert.Equal(ml.Pow(exponent), Bn254Pairing.FinalExponentiate(ml));
    }

    [Fact]
    public void Batched_Miller_loop_steps_give_the_same_value_as_the_scalar_steps()
    {
        if (!Fq2Batch.IsVectorized) return;
        var rng = new Random(87);
        for (int round = 0; round < 6; round++)
        {
            int n = 1 + round % 3;
            var ps = new Rollup.Crypto.Bn254.Curves.G1Affine[n];
            var qs = new Rollup.Crypto.Bn254.Curves.G2Affine[n];
            for (int i = 0; i < n; i++)
            {
                ps[i] = (Rollup.Crypto.Bn254.Curves.G1Jacobian.Generator * Fr.Random(rng)).ToAffine();
                qs[i] = (Rollup.Crypto.Bn254.Curves.G2Jacobian.Generator * Fr.Random(rng)).ToAffine();
            }
            Assert.Equal(MillerLoop.Run(ps, qs, batched: false), MillerLoop.Run(ps, qs, batched: true));
        }
    }
}
