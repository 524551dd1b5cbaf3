namespace Rollup.Sequencer.Tests.Support;

public static class Wait
{
    /// <summary>Polls until the condition holds; fails after the timeout.</summary>
    public static async Task Until(Func<Task<bool>> condition, int timeoutMs = 20_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in time");
            await Task.Delay(20);
        }
    }
}
