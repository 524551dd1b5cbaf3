using System.Security.Cryptography;
using Rollup.Core.Types;

namespace Rollup.Core.Crypto;

/// <summary>A secp256k1 private key with its public key and address worked out once.</summary>
public sealed class PrivateKey
{
    private readonly byte[] _key;

    public byte[] PublicKey { get; }
    public Address Address { get; }

    public PrivateKey(ReadOnlySpan<byte> key)
    {
        if (!Secp256k1.IsValidPrivateKey(key)) throw new ArgumentException("a private key is 32 bytes with 0 < k < n");
        _key = key.ToArray();
        PublicKey = Secp256k1.DerivePublicKey(_key);
        Address = Secp256k1.ToAddress(PublicKey);
    }

    public static PrivateKey Parse(string hex) => new(Encoding.Hex.Parse(hex));

    /// <summary>A fresh key from the operating system's cryptographic random source.</summary>
    public static PrivateKey Generate()
    {
        Span<byte> k = stackalloc byte[32];
        do RandomNumberGenerator.Fill(k); while (!Secp256k1.IsValidPrivateKey(k));
        return new PrivateKey(k);
    }

    public EcdsaSignature Sign(ReadOnlySpan<byte> hash32) => Secp256k1.Sign(hash32, _key);

    public byte[] ToBytes() => (byte[])_key.Clone();

    /// <summary>Never prints the key itself.</summary>
    public override string ToString() => $"PrivateKey({Address})";
}
