using Rollup.Plonk.Circuit;

namespace Rollup.Plonk.Tests.Examples;

/// <summary>Proves the n-th Fibonacci number: row i holds (a, b) = (F(i), F(i+1)); the gate makes row i+1 equal to
/// (b, a + b); copy constraints tie F(0), F(1) and the result to the public inputs.</summary>
public static class FibonacciCircuit
{
    public sealed record Layout(ConstraintSystem System, Column A, Column B, Column Step, Column Public);

    public static Layout Configure()
    {
        var cs = new ConstraintSystem();
        var a = cs.Advice("a");
        var b = cs.Advice("b");
        var step = cs.Selector("q_step");
        var pub = cs.Instance("public");
        cs.EnableEquality(a);
        cs.EnableEquality(b);
        cs.EnableEquality(pub);
        cs.Gate("fibonacci step",
            ("next a is b", step.Cur * (a.Next - b.Cur)),
            ("next b is a + b", step.Cur * (b.Next - (a.Cur + b.Cur))));
        return new Layout(cs, a, b, step, pub);
    }

    /// <summary>Fills <paramref name="steps"/> steps from (f0, f1); public inputs are f0, f1 and F(steps + 1).</summary>
    public static Assignment Assign(Layout l, ulong f0, ulong f1, int steps, int k = 5)
    {
        var asg = new Assignment(l.System, k);
        ulong x = f0, y = f1;
        for (int i = 0; i <= steps; i++)
        {
            asg.Assign(l.A, i, x);
            asg.Assign(l.B, i, y);
            if (i < steps) asg.Assign(l.Step, i, 1UL);
            (x, y) = (y, x + y);
        }
        asg.Assign(l.Public, 0, f0);
        asg.Assign(l.Public, 1, f1);
        asg[l.Public, 2] = asg[l.B, steps];
        asg.Copy(l.A, 0, l.Public, 0);
        asg.Copy(l.B, 0, l.Public, 1);
        asg.Copy(l.B, steps, l.Public, 2);
        return asg;
    }
}
