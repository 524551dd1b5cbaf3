namespace Rollup.L1.Tests.Support;

/// <summary>One anvil per test class (xunit class fixture): classes run in parallel on their own nodes, and the
/// tests inside a class, which run one after another, deploy their own contracts so they stay independent.</summary>
public sealed class AnvilFixture : IAsyncLifetime
{
    private AnvilNode? _node;

    public AnvilNode Node => _node ?? throw new InvalidOperationException("anvil is not started");

    public async Task InitializeAsync() => _node = await AnvilNode.StartAsync();

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
    }
}
