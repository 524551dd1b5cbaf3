using Rollup.State.Store;

namespace Rollup.State.Tests.Store;

public class GenerationalCacheTests
{
    [Fact]
    public void KeepsWhatWasUsedWithinTheLastCapacityInsertionsAndAtMostTwiceCapacity()
    {
        var cache = new GenerationalCache<int, string>(capacity: 3);
        for (int i = 0; i < 3; i++) cache.Set(i, $"v{i}");
        cache.Set(3, "v3");                        // young was full: 0..2 become old, 3 starts a new young
        Assert.True(cache.TryGet(0, out var v0));  // a hit in old moves 0 back to young
        Assert.Equal("v0", v0);
        cache.Set(4, "v4");                        // young: 3, 0, 4 (full)
        cache.Set(5, "v5");                        // old generation 1, 2 dropped
        Assert.False(cache.TryGet(1, out _));
        Assert.False(cache.TryGet(2, out _));
        Assert.True(cache.TryGet(0, out _));
        Assert.True(cache.TryGet(5, out _));
        Assert.InRange(cache.Count, 1, 6);
    }

    [Fact]
    public void IsSafeUnderConcurrentUse()
    {
        var cache = new GenerationalCache<int, int>(capacity: 64);
        Parallel.For(0, 10_000, i =>
        {
            cache.Set(i % 500, i % 500);
            if (cache.TryGet((i * 7) % 500, out int v)) Assert.Equal((i * 7) % 500, v);
        });
        Assert.InRange(cache.Count, 1, 128);
    }
}
