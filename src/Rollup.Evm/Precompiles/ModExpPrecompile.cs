using System.Numerics;
using Rollup.Core.Chain;

namespace Rollup.Evm.Precompiles;

/// <summary>0x05: base^exp mod modulus over big-endian numbers of arbitrary length (EIP-198), priced by EIP-2565
/// from Berlin. Lengths come from the first three words and may be absurd, so the price is computed in BigInteger and
/// clamped: an unaffordable call simply runs out of gas before anything is read.</summary>
internal sealed class ModExpPrecompile : IPrecompile
{
    public long RequiredGas(ReadOnlySpan<byte> input, ForkRules rules)
    {
        var baseLen = Word(input, 0);
        var expLen = Word(input, 32);
        var modLen = Word(input, 64);

        var maxLen = BigInteger.Max(baseLen, modLen);
        BigInteger iterations = IterationCount(input, baseLen, expLen);
        BigInteger gas;
        if (rules.IsBerlin)
        {
            var words = (maxLen + 7) / 8;
            gas = BigInteger.Max(200, words * words * BigInteger.Max(iterations, 1) / 3);
        }
        else
        {
            gas = LegacyComplexity(maxLen) * BigInteger.Max(iterations, 1) / 20;
        }
        return gas > long.MaxValue ? long.MaxValue : (long)gas;
    }

    /// <summary>EIP-198's "adjusted exponent length": about the bit length of the exponent, counting the first 32
    /// bytes exactly and 8 bits per byte after them.</summary>
    private static BigInteger IterationCount(ReadOnlySpan<byte> input, BigInteger baseLen, BigInteger expLen)
    {
        // The exponent starts after the three length words and the base.
        var head = ReadPadded(input, 96 + baseLen, BigInteger.Min(expLen, 32));
        int headBits = (int)(head.IsZero ? 0 : head.GetBitLength());
        if (expLen <= 32) return headBits == 0 ? 0 : headBits - 1;
        return 8 * (expLen - 32) + Math.Max(headBits - 1, 0);
    }

    private static BigInteger LegacyComplexity(BigInteger x)
    {
        if (x <= 64) return x * x;
        if (x <= 1024) return x * x / 4 + 96 * x - 3072;
        return x * x / 16 + 480 * x - 199_680;
    }

    public bool Run(ReadOnlySpan<byte> input, ForkRules rules, out byte[] output)
    {
        output = [];
        var modLength = Word(input, 64);
        if (modLength.IsZero) return true;
        // Gas was charged first, so with a non-zero modulus the lengths are affordable; anything beyond 16 MiB
        // could only be paid for with a gas limit no block has, and is refused rather than allocated.
        const int Limit = 1 << 24;
        var baseLength = Word(input, 0);
        var expLength = Word(input, 32);
        if (baseLength > Limit || expLength > Limit || modLength > Limit) return false;
        int baseLen = (int)baseLength, expLen = (int)expLength, modLen = (int)modLength;
        output = new byte[modLen];
        var b = ReadPadded(input, 96, baseLen);
        var e = ReadPadded(input, 96 + (BigInteger)baseLen, expLen);
        var m = ReadPadded(input, 96 + (BigInteger)baseLen + expLen, modLen);
        if (m.IsZero) return true;
        var result = BigInteger.ModPow(b, e, m);
        var bytes = result.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(output, modLen - bytes.Length);
        return true;
    }

    private static BigInteger Word(ReadOnlySpan<byte> input, int offset) => ReadPadded(input, offset, 32);

    /// <summary>A big-endian unsigned number from input[offset .. offset+length), zero past the input's end.</summary>
    private static BigInteger ReadPadded(ReadOnlySpan<byte> input, BigInteger offset, BigInteger length)
    {
        if (length.IsZero) return BigInteger.Zero;
        var buffer = new byte[(int)length];
        if (offset < input.Length)
        {
            var available = input[(int)offset..];
            available[..Math.Min(available.Length, buffer.Length)].CopyTo(buffer);
        }
        return new BigInteger(buffer, isUnsigned: true, isBigEndian: true);
    }
}
