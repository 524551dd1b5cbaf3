using Org.BouncyCastle.Crypto.Digests;

namespace Rollup.Core.Crypto;

/// <summary>RIPEMD-160 (the EVM's precompile 0x03). .NET has none, so BouncyCastle's is used.</summary>
public static class Ripemd160
{
    public const int Size = 20;

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (output.Length < Size)
            throw new ArgumentException($"a RIPEMD-160 digest needs {Size} bytes of output, got {output.Length}", nameof(output));
        var digest = new RipeMD160Digest();
        digest.BlockUpdate(data);
        digest.DoFinal(output);
    }

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var result = new byte[Size];
        Hash(data, result);
        return result;
    }
}
