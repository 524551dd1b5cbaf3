namespace Rollup.Core.Crypto;

/// <summary>SHA-256 (the EVM's precompile 0x02, among others), by the platform implementation.</summary>
public static class Sha256
{
    public const int Size = 32;

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (output.Length < Size)
            throw new ArgumentException($"a SHA-256 digest needs {Size} bytes of output, got {output.Length}", nameof(output));
        System.Security.Cryptography.SHA256.HashData(data, output);
    }

    public static byte[] Hash(ReadOnlySpan<byte> data) => System.Security.Cryptography.SHA256.HashData(data);
}
