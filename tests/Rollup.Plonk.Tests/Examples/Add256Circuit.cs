using System.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Plonk.Tests.Examples;

/// <summary>256-bit addition c = a + b mod 2^256 on two 128-bit limbs with carries: one row holds the six limbs and
/// the two carries; each limb is range-checked to 128 bits by a running-sum decomposition into 16 bytes (each byte a
/// lookup into a 0..255 table, the running sum ending at zero), tied to its limb by a copy constraint. The inputs and
/// the sum are public.</summary>
public static class Add256Circuit
{
    public sealed record Layout(ConstraintSystem System, Column[] Limbs, Column CarryLo, Column CarryHi, Column QAdd,
        Column Z, Column Byte, Column QDecompose, Column QLast, Column ByteTable, Column Public);

    private static readonly Fr TwoTo128 = Fr.FromBigInteger(BigInteger.One << 128);
    private static readonly Fr TwoFiftySix = Fr.FromUInt64(256);

    public static Layout Configure()
    {
        var cs = new ConstraintSystem();
        // a_lo, a_hi, b_lo, b_hi, c_lo, c_hi
        var limbs = new[] { "a_lo", "a_hi", "b_lo", "b_hi", "c_lo", "c_hi" }.Select(n => cs.Advice(n)).ToArray();
        var carryLo = cs.Advice("carry_lo");
        var carryHi = cs.Advice("carry_hi");
        var qAdd = cs.Selector("q_add");
        var z = cs.Advice("z");
        var b = cs.Advice("byte");
        var qDec = cs.Selector("q_decompose");
        var qLast = cs.Selector("q_last");
        var table = cs.Fixed("byte_table");
        var pub = cs.Instance("public");
        foreach (var c in limbs) cs.EnableEquality(c);
        cs.EnableEquality(carryHi);
        cs.EnableEquality(z);
        cs.EnableEquality(pub);

        var two128 = Expression.Constant(TwoTo128);
        cs.Gate("add256",
            ("low limbs", qAdd.Cur * (limbs[0].Cur + limbs[2].Cur - limbs[4].Cur - carryLo.Cur * two128)),
            ("high limbs", qAdd.Cur * (limbs[1].Cur + limbs[3].Cur + carryLo.Cur - limbs[5].Cur - carryHi.Cur * two128)),
            ("carry_lo is a bit", qAdd.Cur * carryLo.Cur * (1 - carryLo.Cur)),
            ("carry_hi is a bit", qAdd.Cur * carryHi.Cur * (1 - carryHi.Cur)));
        cs.Gate("byte decomposition", qDec.Cur * (z.Cur - z.Next * 256 - b.Cur));
        cs.Gate("running sum ends at zero", qLast.Cur * z.Cur);
        cs.Lookup("byte in range", qDec.Cur, [b.Cur], [table.Cur]);
        return new Layout(cs, limbs, carryLo, carryHi, qAdd, z, b, qDec, qLast, table, pub);
    }

    public static Assignment Assign(Layout l, BigInteger a, BigInteger b)
    {
        var asg = new Assignment(l.System, 9);
        for (int i = 0; i < 256; i++) asg.Assign(l.ByteTable, i, (ulong)i);

        var mask = (BigInteger.One << 128) - 1;
        var c = (a + b) & ((BigInteger.One << 256) - 1);
        var limbValues = new[] { a & mask, a >> 128, b & mask, b >> 128, c & mask, c >> 128 };
        bool carryLo = (a & mask) + (b & mask) > mask;
        bool carryHi = a + b >= BigInteger.One << 256;

        asg.Assign(l.QAdd, 0, 1UL);
        for (int i = 0; i < 6; i++) asg[l.Limbs[i], 0] = Fr.FromBigInteger(limbValues[i]);
        asg.Assign(l.CarryLo, 0, carryLo ? 1UL : 0UL);
        asg.Assign(l.CarryHi, 0, carryHi ? 1UL : 0UL);

        // Public: a_lo, a_hi, b_lo, b_hi, c_lo, c_hi, carry_hi
        for (int i = 0; i < 6; i++)
        {
            asg[l.Public, i] = Fr.FromBigInteger(limbValues[i]);
            asg.Copy(l.Limbs[i], 0, l.Public, i);
        }
        asg.Assign(l.Public, 6, carryHi ? 1UL : 0UL);
        asg.Copy(l.CarryHi, 0, l.Public, 6);

        for (int limb = 0; limb < 6; limb++)
        {
            int start = 1 + 17 * limb;
            var value = limbValues[limb];
            for (int i = 0; i < 16; i++)
            {
                asg[l.Z, start + i] = Fr.FromBigInteger(value);
                asg.Assign(l.Byte, start + i, (ulong)(value & 0xff));
                asg.Assign(l.QDecompose, start + i, 1UL);
                value >>= 8;
            }
            asg[l.Z, start + 16] = Fr.FromBigInteger(value); // zero
            asg.Assign(l.QLast, start + 16, 1UL);
            asg.Copy(l.Z, start, l.Limbs[limb], 0);
        }
        return asg;
    }
}
