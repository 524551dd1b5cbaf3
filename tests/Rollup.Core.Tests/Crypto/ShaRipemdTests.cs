using Rollup.Core.Crypto;
using Rollup.Core.Encoding;

namespace Rollup.Core.Tests.Crypto;

public class Sha256Tests
{
    [Theory] // FIPS 180-2 examples
    [InlineData("", "0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "0x248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Matches_published_vectors(string text, string expected)
    {
        var data = System.Text.Encoding.ASCII.GetBytes(text);
        Assert.Equal(expected, Hex.ToHex(Sha256.Hash(data)));
        var output = new byte[32];
        Sha256.Hash(data, output);
        Assert.Equal(expected, Hex.ToHex(output));
    }
}

public class Ripemd160Tests
{
    [Theory] // from the RIPEMD-160 authors' page
    [InlineData("", "0x9c1185a5c5e9fc54612808977ee8f548b2258d31")]
    [InlineData("a", "0x0bdc9d2d256b3ee9daae347be6f4dc835a467ffe")]
    [InlineData("abc", "0x8eb208f7e05d987a9b044a8e98c6b087f15a0bfc")]
    [InlineData("message digest", "0x5d0689ef49d2fae572b881b123a85ffa21595f36")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "0xf71c27109c692c1b56bbdceb5b9d2865b3708dbc")]
    public void Matches_published_vectors(string text, string expected)
    {
        var data = System.Text.Encoding.ASCII.GetBytes(text);
        Assert.Equal(expected, Hex.ToHex(Ripemd160.Hash(data)));
        var output = new byte[20];
        Ripemd160.Hash(data, output);
        Assert.Equal(expected, Hex.ToHex(output));
    }
}
