using System.Net;
using System.Net.Sockets;
using Rollup.L1.Rpc;

namespace Rollup.L1.Tests.Rpc;

public class JsonRpcClientTests
{
    [Fact]
    public async Task Connection_refused_names_the_url()
    {
        // A port that was free a moment ago: nothing listens there.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        using var client = new EthClient($"http://127.0.0.1:{port}");
        var e = await Assert.ThrowsAsync<L1ConnectionException>(() => client.GetChainIdAsync());
        Assert.Contains($"http://127.0.0.1:{port}", e.Message);
        Assert.Contains("connection refused", e.Message);
    }

    [Fact]
    public void Urls_must_be_http()
    {
        Assert.Throws<ArgumentException>(() => new JsonRpcClient("127.0.0.1:8545"));
        Assert.Throws<ArgumentException>(() => new JsonRpcClient("ws://127.0.0.1:8545"));
    }

    [Fact]
    public void Credentials_are_left_out_of_messages()
    {
        using var client = new JsonRpcClient("https://user:secret@example.invalid/rpc");
        Assert.DoesNotContain("secret", client.DisplayUrl);
        Assert.Contains("example.invalid/rpc", client.DisplayUrl);
    }
}
