using System.Numerics;
using Rollup.Evm.Execution;

namespace Rollup.Evm.Tests.Interpreter;

/// <summary>The handlers the interpreter loop runs inline with a fast path and a slow call (MUL by one limb,
/// the limb-wise comparisons, small shifts), checked against BigInteger on operands that sit on limb boundaries.</summary>
public class InlineHandlerTests
{
    private static readonly BigInteger Mod = BigInteger.One << 256;

    private static readonly BigInteger[] Values =
    [
        0, 1, 3, 7, ulong.MaxValue, (BigInteger)ulong.MaxValue + 1, (BigInteger.One << 128) - 1, BigInteger.One << 191,
        BigInteger.One << 255, Mod - 1, Mod - 3, BigInteger.Parse("0ba5bd615676813e23f7f4f446367025cbae6d84bfb424c617526cd6325e5c180", System.Globalization.NumberStyles.HexNumber),
    ];

    private static byte[] Word(BigInteger v) => ((v % Mod + Mod) % Mod).ToByteArray(isUnsigned: true, isBigEndian: true) is var b
        ? [.. new byte[32 - b.Length], .. b] : [];

    /// <summary>Runs a (top) OP b and returns the word left on the stack.</summary>
    private static BigInteger Run(byte op, BigInteger a, BigInteger b)
    {
        byte[] code = [0x7f, .. Word(b), 0x7f, .. Word(a), op, 0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, 0xf3];
        var (result, _) = new CodeRunner().Run(code, [], 1_000_000);
        Assert.True(result.Success, result.Reason.ToString());
        return new BigInteger(result.Output, isUnsigned: true, isBigEndian: true);
    }

    private static BigInteger Signed(BigInteger v) => v >= BigInteger.One << 255 ? v - Mod : v;

    public static TheoryData<byte> Ops => [0x02, 0x10, 0x11, 0x12, 0x13, 0x1b, 0x1c];

    [Theory]
    [MemberData(nameof(Ops))]
    public void Matches_BigInteger(byte op)
    {
        foreach (var a in Values)
        foreach (var b in Values)
        {
            BigInteger expected = op switch
            {
                0x02 => a * b % Mod,
                0x10 => a < b ? 1 : 0,
                0x11 => a > b ? 1 : 0,
                0x12 => Signed(a) < Signed(b) ? 1 : 0,
                0x13 => Signed(a) > Signed(b) ? 1 : 0,
                0x1b => a >= 256 ? 0 : (b << (int)a) % Mod,
                _ => a >= 256 ? 0 : b >> (int)a,
            };
            Assert.True(expected == Run(op, a, b), $"op 0x{op:x2} a={a:x} b={b:x}");
        }
    }

    [Fact]
    public void Small_shifts_on_every_bit_count()
    {
        var b = Values[^1];
        for (int s = 0; s < 70; s++)
        {
            Assert.Equal((b << s) % Mod, Run(0x1b, s, b));
            Assert.Equal(b >> s, Run(0x1c, s, b));
        }
    }
}

/// <summary>Untraced, a jump runs its JUMPDEST itself; the gas must come out as if the loop had run it.</summary>
public class JumpDestFoldingTests
{
    // PUSH1 4, JUMP, INVALID, JUMPDEST, STOP: 3 + 8 + 1 gas; PUSH1 1, PUSH1 6, JUMPI, ...: the same through JUMPI.
    [Theory]
    [InlineData(new byte[] { 0x60, 0x04, 0x56, 0xfe, 0x5b, 0x00 }, 12)]
    [InlineData(new byte[] { 0x60, 0x01, 0x60, 0x06, 0x57, 0xfe, 0x5b, 0x00 }, 17)]
    public void Jumpdest_gas_is_charged_exactly(byte[] code, long needed)
    {
        var (ok, _) = new CodeRunner().Run(code, [], needed);
        Assert.True(ok.Success, ok.Reason.ToString());
        Assert.Equal(0, ok.GasLeft);
        var (short1, _) = new CodeRunner().Run(code, [], needed - 1);
        Assert.Equal(ExitReason.OutOfGas, short1.Reason);
    }
}
