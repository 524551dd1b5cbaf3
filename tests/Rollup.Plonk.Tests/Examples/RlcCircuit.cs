using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Proving;

namespace Rollup.Plonk.Tests.Examples;

/// <summary>A two-phase circuit: two byte strings are committed in phase 0; after the challenge r, phase-1 columns
/// accumulate each string's random linear combination (acc ← acc·r + byte); a lookup then requires the first string's
/// final accumulator to appear in the second string's accumulator column — a lookup into an advice table built from
/// a challenge, which holds (but for negligible probability) only if the strings are equal.</summary>
public static class RlcCircuit
{
    public sealed record Layout(ConstraintSystem System, Column ByteA, Column ByteB, Column AccA, Column AccB,
        Column QFirst, Column QStep, Column QEnd, Challenge R);

    public static Layout Configure()
    {
        var cs = new ConstraintSystem();
        var byteA = cs.Advice("byte_a");
        var byteB = cs.Advice("byte_b");
        var r = cs.Challenge("r", afterPhase: 0);
        var accA = cs.Advice("acc_a", phase: 1);
        var accB = cs.Advice("acc_b", phase: 1);
        var qFirst = cs.Selector("q_first");
        var qStep = cs.Selector("q_step");
        var qEnd = cs.Selector("q_end");
        foreach (var (acc, b) in new[] { (accA, byteA), (accB, byteB) })
        {
            cs.Gate($"{acc.Name} starts with the first byte", qFirst.Cur * (acc.Cur - b.Cur));
            cs.Gate($"{acc.Name} accumulates", qStep.Cur * (acc.Next - (acc.Cur * r.Value + b.Next)));
        }
        cs.Lookup("string a's RLC occurs in string b's accumulator", qEnd.Cur, [accA.Cur], [accB.Cur]);
        return new Layout(cs, byteA, byteB, accA, accB, qFirst, qStep, qEnd, r);
    }

    /// <summary>Phase 0 only: bytes and selectors. Phase 1 comes from <see cref="Synthesizer"/>.</summary>
    public static Assignment Assign(Layout l, byte[] a, byte[] b)
    {
        if (a.Length != b.Length) throw new ArgumentException("equal lengths keep the layout simple");
        var asg = new Assignment(l.System, 5);
        for (int i = 0; i < a.Length; i++)
        {
            asg.Assign(l.ByteA, i, a[i]);
            asg.Assign(l.ByteB, i, b[i]);
            if (i + 1 < a.Length) asg.Assign(l.QStep, i, 1UL);
        }
        asg.Assign(l.QFirst, 0, 1UL);
        asg.Assign(l.QEnd, a.Length - 1, 1UL);
        return asg;
    }

    public sealed class Synthesizer(Layout l, int length) : IPhaseSynthesizer
    {
        public void Synthesize(int phase, IReadOnlyList<Fr> challenges, Assignment a)
        {
            var r = challenges[l.R.Index];
            foreach (var (acc, bytes) in new[] { (l.AccA, l.ByteA), (l.AccB, l.ByteB) })
            {
                var value = Fr.Zero;
                for (int i = 0; i < length; i++)
                {
                    value = value * r + a[bytes, i];
                    a[acc, i] = value;
                }
            }
        }
    }
}
