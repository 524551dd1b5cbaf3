using Rollup.Core.Numerics;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;

namespace Rollup.Circuits.Tests.Support;

/// <summary>Programs and lies for the arithmetic gadgets' tests: each case pushes its operands (the first on top), runs
/// the opcode and pops the result; the expected results are whatever the real EVM computed (the trace), never the circuit.</summary>
public static class ArithmeticCases
{
    public static readonly UInt256 SignBit = UInt256.One << 255;
    public static readonly UInt256 MinusOne = UInt256.MaxValue;

    /// <summary>Words where arithmetic goes wrong: zero, one, limb and sign boundaries, the largest word.</summary>
    public static readonly UInt256[] Edges =
    [
        UInt256.Zero, UInt256.One, new UInt256(2), UInt256.MaxValue, SignBit, SignBit - UInt256.One, SignBit + UInt256.One,
        UInt256.One << 128, (UInt256.One << 128) - UInt256.One, (UInt256.One << 64) - UInt256.One, MinusOne - UInt256.One,
    ];

    public static UInt256 RandomWord(Random rng)
    {
        var b = new byte[32];
        rng.NextBytes(b);
        // Some words are short, so that products and quotients of every size show up.
        int zeros = rng.Next(4) switch { 0 => rng.Next(32), _ => 0 };
        for (int i = 0; i < zeros; i++) b[i] = 0;
        return UInt256.FromBigEndian(b);
    }

    public static byte[] Program(Opcode op, IEnumerable<UInt256[]> cases)
    {
        var code = new BytecodeBuilder();
        foreach (var args in cases)
        {
            for (int i = args.Length - 1; i >= 0; i--) code.Push(args[i]);
            code.Op(op).Op(Opcode.POP);
        }
        return code.Op(Opcode.STOP).Build();
    }

    /// <summary>Every pair of edge words, then <paramref name="randomPairs"/> random pairs (and random words against edges).</summary>
    public static IEnumerable<UInt256[]> Pairs(int seed, int randomPairs, int edgeStride = 1)
    {
        var rng = new Random(seed);
        for (int i = 0; i < Edges.Length; i += 1)
            for (int j = i % edgeStride; j < Edges.Length; j += edgeStride)
                yield return [Edges[i], Edges[j]];
        for (int i = 0; i < randomPairs; i++)
        {
            yield return [RandomWord(rng), RandomWord(rng)];
            yield return [RandomWord(rng), Edges[rng.Next(Edges.Length)]];
        }
    }

    /// <summary>(a, b, n) for ADDMOD and MULMOD: every edge modulus (0 and 1 included) against sums and products that
    /// overflow 256 bits and small ones, then random triples.</summary>
    public static IEnumerable<UInt256[]> Triples(int seed, int randomTriples)
    {
        var rng = new Random(seed);
        foreach (var n in Edges)
        {
            yield return [UInt256.MaxValue, UInt256.MaxValue, n];
            yield return [UInt256.MaxValue, UInt256.One, n];
            yield return [UInt256.Zero, UInt256.Zero, n];
            yield return [SignBit, SignBit, n];
            yield return [RandomWord(rng), RandomWord(rng), n];
        }
        for (int i = 0; i < randomTriples; i++) yield return [RandomWord(rng), RandomWord(rng), RandomWord(rng)];
    }

    /// <summary>The trace claims the first <paramref name="opcode"/> step pushed <paramref name="lie"/>(result); the POP
    /// after it reads the same lie and the next write to that slot overwrites it, so the read/write log stays consistent
    /// and only the gadget can object.</summary>
    public static Action<ZkTrace> WrongResult(byte opcode, Func<UInt256, UInt256> lie) => t =>
    {
        int i = t.Steps.FindIndex(s => s.Opcode == opcode);
        var op = t.Steps[i];
        int w = op.RwCounter + op.RwCount - 1;
        var wrong = lie(t.Rw[w].Value);
        t.Rw[w] = t.Rw[w] with { Value = wrong };
        int r = t.Steps[i + 1].RwCounter;
        t.Rw[r] = t.Rw[r] with { Value = wrong, Previous = wrong };
        int next = t.Rw.FindIndex(r + 1, e => e.IsWrite && e.Tag == RwTag.Stack && e.Key == t.Rw[w].Key);
        if (next >= 0) t.Rw[next] = t.Rw[next] with { Previous = wrong };
    };

    /// <summary>The trace claims the first <paramref name="opcode"/> step cost one gas more than it did.</summary>
    public static Action<ZkTrace> WrongGas(byte opcode) => t =>
    {
        int i = t.Steps.FindIndex(s => s.Opcode == opcode);
        for (int j = i + 1; j < t.Steps.Count; j++) t.Steps[j] = EvmTestbed.With(t.Steps[j], gasLeft: t.Steps[j].GasLeft - 1);
    };
}
