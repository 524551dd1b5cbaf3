using Rollup.Core.Crypto;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Core.Tests.Crypto;

public class Secp256k1Tests
{
    [Theory]
    // Private key 1: the generator's address, as every Ethereum library derives it.
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000001", "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf")]
    // The EIP-155 example key.
    [InlineData("0x4646464646464646464646464646464646464646464646464646464646464646", "0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f")]
    public void Derives_published_addresses(string key, string address) =>
        Assert.Equal(Address.Parse(address), PrivateKey.Parse(key).Address);

    [Theory]
    // RFC 6979 (HMAC-SHA256 nonces) vectors published for secp256k1 with private key 1, s normalised low.
    [InlineData("Satoshi Nakamoto",
        "0x934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8", "0x2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5")]
    [InlineData("All those moments will be lost in time, like tears in rain. Time to die...",
        "0x8600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b", "0x547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21")]
    public void Signs_deterministically_per_rfc6979(string message, string r, string s)
    {
        var key = PrivateKey.Parse("0x" + new string('0', 63) + "1");
        var hash = Sha256.Hash(System.Text.Encoding.ASCII.GetBytes(message));
        var sig = key.Sign(hash);
        Assert.Equal(UInt256.Parse(r), sig.R);
        Assert.Equal(UInt256.Parse(s), sig.S);
    }

    [Fact]
    public void Random_signatures_are_low_s_and_recover_the_signer()
    {
        var rng = new Random(1234);
        var hash = new byte[32];
        for (int i = 0; i < 200; i++)
        {
            var key = PrivateKey.Generate();
            rng.NextBytes(hash);
            var sig = key.Sign(hash);
            Assert.True(sig.S <= Secp256k1.HalfN, "EIP-2: s must be in the lower half");
            Assert.True(Secp256k1.TryRecoverAddress(hash, sig, out var recovered));
            Assert.Equal(key.Address, recovered);
            // The other recovery id yields a different key (or none).
            var flipped = sig with { RecoveryId = (byte)(1 - sig.RecoveryId) };
            Assert.False(Secp256k1.TryRecoverAddress(hash, flipped, out var other) && other == key.Address);
        }
    }

    [Fact]
    public void Recovery_rejects_out_of_range_values()
    {
        var hash = new byte[32];
        Assert.False(Secp256k1.TryRecoverAddress(hash, new EcdsaSignature(UInt256.Zero, UInt256.One, 0), out _));
        Assert.False(Secp256k1.TryRecoverAddress(hash, new EcdsaSignature(UInt256.One, UInt256.Zero, 0), out _));
        Assert.False(Secp256k1.TryRecoverAddress(hash, new EcdsaSignature(Secp256k1.N, UInt256.One, 0), out _));
        Assert.False(Secp256k1.TryRecoverAddress(hash, new EcdsaSignature(UInt256.One, Secp256k1.N, 0), out _));
        Assert.False(Secp256k1.TryRecoverAddress(hash, new EcdsaSignature(UInt256.One, UInt256.One, 2), out _));
    }

    [Fact]
    public void Invalid_private_keys_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new PrivateKey(new byte[32]));
        Assert.Throws<ArgumentException>(() => new PrivateKey(Secp256k1.N.ToBigEndian()));
        Assert.Throws<ArgumentException>(() => new PrivateKey(new byte[31]));
        Assert.DoesNotContain("46464646", PrivateKey.Parse("0x" + string.Concat(Enumerable.Repeat("46", 32))).ToString());
    }
}
