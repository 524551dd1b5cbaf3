using System.Runtime.CompilerServices;

namespace Rollup.Crypto.Bn254.Curves;

/// <summary>
/// A point on y^2 = x^3 + b in Jacobian coordinates (x = X/Z^2, y = Y/Z^3); Z = 0 is infinity.
/// The formulas below are the a = 0 ones from the Explicit-Formulas Database
/// (dbl-2009-l, add-2007-bl, madd-2007-bl); they never use b.
/// </summary>
internal readonly struct Jac<F> where F : unmanaged, ICurveField<F>
{
    public readonly F X, Y, Z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Jac(in F x, in F y, in F z) { X = x; Y = y; Z = z; }

    public static Jac<F> Infinity => new(F.One, F.One, F.Zero);
    public bool IsInfinity => Z.IsZero;
}

internal static class JacobianMath<F> where F : unmanaged, ICurveField<F>
{
    /// <summary>dbl-2009-l: 2M + 5S.</summary>
    public static Jac<F> Double(in Jac<F> p)
    {
        if (p.IsInfinity) return p;
        F.Square(p.X, out F a);
        F.Square(p.Y, out F b);
        F.Square(b, out F c);
        F.Add(p.X, b, out F t);
        F.Square(t, out t);
        F.Subtract(t, a, out t);
        F.Subtract(t, c, out t);
        F.Double(t, out F d);                 // D = 2((X+B)^2 - A - C)
        F.Double(a, out F e);
        F.Add(e, a, out e);                   // E = 3A
        F.Square(e, out F f);                 // F = E^2
        F.Double(d, out F d2);
        F.Subtract(f, d2, out F x3);          // X3 = F - 2D
        F.Subtract(d, x3, out F y3);
        F.Multiply(e, y3, out y3);
        F.Double(c, out F c8);
        F.Double(c8, out c8);
        F.Double(c8, out c8);
        F.Subtract(y3, c8, out y3);           // Y3 = E(D - X3) - 8C
        F.Multiply(p.Y, p.Z, out F z3);
        F.Double(z3, out z3);                 // Z3 = 2YZ
        return new Jac<F>(x3, y3, z3);
    }

    /// <summary>add-2007-bl: 11M + 5S, with the doubling and inverse-point cases handled.</summary>
    public static Jac<F> Add(in Jac<F> p, in Jac<F> q)
    {
        if (p.IsInfinity) return q;
        if (q.IsInfinity) return p;
        F.Square(p.Z, out F z1z1);
        F.Square(q.Z, out F z2z2);
        F.Multiply(p.X, z2z2, out F u1);
        F.Multiply(q.X, z1z1, out F u2);
        F.Multiply(p.Y, q.Z, out F s1);
        F.Multiply(s1, z2z2, out s1);
        F.Multiply(q.Y, p.Z, out F s2);
        F.Multiply(s2, z1z1, out s2);
        F.Subtract(u2, u1, out F h);
        F.Subtract(s2, s1, out F r);
        if (h.IsZero) return r.IsZero ? Double(p) : Jac<F>.Infinity;
        F.Double(h, out F i);
        F.Square(i, out i);                   // I = (2H)^2
        F.Multiply(h, i, out F j);            // J = H*I
        F.Double(r, out r);                   // r = 2(S2 - S1)
        F.Multiply(u1, i, out F v);           // V = U1*I
        F.Square(r, out F x3);
        F.Subtract(x3, j, out x3);
        F.Subtract(x3, v, out x3);
        F.Subtract(x3, v, out x3);            // X3 = r^2 - J - 2V
        F.Subtract(v, x3, out F y3);
        F.Multiply(r, y3, out y3);
        F.Multiply(s1, j, out F t);
        F.Double(t, out t);
        F.Subtract(y3, t, out y3);            // Y3 = r(V - X3) - 2 S1 J
        F.Add(p.Z, q.Z, out F z3);
        F.Square(z3, out z3);
        F.Subtract(z3, z1z1, out z3);
        F.Subtract(z3, z2z2, out z3);
        F.Multiply(z3, h, out z3);            // Z3 = ((Z1+Z2)^2 - Z1Z1 - Z2Z2) H
        return new Jac<F>(x3, y3, z3);
    }

    /// <summary>madd-2007-bl, adding an affine point (x2, y2) that is not infinity: 7M + 4S.</summary>
    public static Jac<F> AddMixed(in Jac<F> p, in F x2, in F y2)
    {
        if (p.IsInfinity) return new Jac<F>(x2, y2, F.One);
        F.Square(p.Z, out F z1z1);
        F.Multiply(x2, z1z1, out F u2);
        F.Multiply(y2, p.Z, out F s2);
        F.Multiply(s2, z1z1, out s2);
        F.Subtract(u2, p.X, out F h);
        F.Subtract(s2, p.Y, out F r);
        if (h.IsZero) return r.IsZero ? Double(new Jac<F>(x2, y2, F.One)) : Jac<F>.Infinity;
        F.Square(h, out F hh);
        F.Double(hh, out F i);
        F.Double(i, out i);                   // I = 4 HH
        F.Multiply(h, i, out F j);            // J = H I
        F.Double(r, out r);                   // r = 2(S2 - Y1)
        F.Multiply(p.X, i, out F v);          // V = X1 I
        F.Square(r, out F x3);
        F.Subtract(x3, j, out x3);
        F.Subtract(x3, v, out x3);
        F.Subtract(x3, v, out x3);            // X3 = r^2 - J - 2V
        F.Subtract(v, x3, out F y3);
        F.Multiply(r, y3, out y3);
        F.Multiply(p.Y, j, out F t);
        F.Double(t, out t);
        F.Subtract(y3, t, out y3);            // Y3 = r(V - X3) - 2 Y1 J
        F.Add(p.Z, h, out F z3);
        F.Square(z3, out z3);
        F.Subtract(z3, z1z1, out z3);
        F.Subtract(z3, hh, out z3);           // Z3 = (Z1 + H)^2 - Z1Z1 - HH
        return new Jac<F>(x3, y3, z3);
    }

    public static Jac<F> Negate(in Jac<F> p)
    {
        F.Negate(p.Y, out F y);
        return new Jac<F>(p.X, y, p.Z);
    }

    /// <summary>Affine coordinates; infinity maps to (0, 0), the EVM's encoding of it.</summary>
    public static void ToAffine(in Jac<F> p, out F x, out F y)
    {
        if (p.IsInfinity) { x = F.Zero; y = F.Zero; return; }
        F zi = p.Z.Inverse();
        F.Square(zi, out F zi2);
        F.Multiply(p.X, zi2, out x);
        F.Multiply(zi2, zi, out F zi3);
        F.Multiply(p.Y, zi3, out y);
    }

    /// <summary>Affine coordinates of many points with a single field inversion.</summary>
    public static void BatchToAffine(ReadOnlySpan<Jac<F>> points, Span<F> xs, Span<F> ys)
    {
        var zInv = new F[points.Length];
        for (int i = 0; i < points.Length; i++) zInv[i] = points[i].Z;
        F.BatchInverse(zInv);
        for (int i = 0; i < points.Length; i++)
        {
            if (points[i].IsInfinity) { xs[i] = F.Zero; ys[i] = F.Zero; continue; }
            F.Square(zInv[i], out F zi2);
            F.Multiply(points[i].X, zi2, out xs[i]);
            F.Multiply(zi2, zInv[i], out F zi3);
            F.Multiply(points[i].Y, zi3, out ys[i]);
        }
    }

    /// <summary>Equality without inversion: X1 Z2^2 = X2 Z1^2 and Y1 Z2^3 = Y2 Z1^3.</summary>
    public static bool Equal(in Jac<F> p, in Jac<F> q)
    {
        if (p.IsInfinity || q.IsInfinity) return p.IsInfinity && q.IsInfinity;
        F.Square(p.Z, out F z1z1);
        F.Square(q.Z, out F z2z2);
        F.Multiply(p.X, z2z2, out F a);
        F.Multiply(q.X, z1z1, out F b);
        F.Subtract(a, b, out F dx);
        if (!dx.IsZero) return false;
        F.Multiply(z2z2, q.Z, out F z2c);
        F.Multiply(z1z1, p.Z, out F z1c);
        F.Multiply(p.Y, z2c, out a);
        F.Multiply(q.Y, z1c, out b);
        F.Subtract(a, b, out F dy);
        return dy.IsZero;
    }

    /// <summary>
    /// k·P for a non-negative scalar given as little-endian 64-bit limbs, with a width-5 NAF:
    /// one doubling per bit and an addition for about one bit in six, from a table of the odd
    /// multiples P, 3P, ..., 15P. Not constant time (scalars here are public or the EVM's).
    /// </summary>
    public static Jac<F> Multiply(in Jac<F> p, ReadOnlySpan<ulong> scalar)
    {
        const int Window = 5;
        Span<sbyte> naf = stackalloc sbyte[64 * scalar.Length + 1];
        int len = Wnaf.Compute(scalar, Window, naf);
        if (len == 0 || p.IsInfinity) return Jac<F>.Infinity;

        Span<Jac<F>> odd = stackalloc Jac<F>[1 << (Window - 2)];
        odd[0] = p;
        Jac<F> twice = Double(p);
        for (int i = 1; i < odd.Length; i++) odd[i] = Add(odd[i - 1], twice);

        Jac<F> acc = Jac<F>.Infinity;
        for (int i = len - 1; i >= 0; i--)
        {
            acc = Double(acc);
            int d = naf[i];
            if (d > 0) acc = Add(acc, odd[d >> 1]);
            else if (d < 0) acc = Add(acc, Negate(odd[(-d) >> 1]));
        }
        return acc;
    }
}
