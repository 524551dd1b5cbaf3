using Rollup.Core.Numerics;
using Rollup.Evm.State;

namespace Rollup.Evm.Tests.State;

/// <summary>The slot table and the chunked journal against plain collections, across their chunk boundaries.</summary>
public class SlotTableTests
{
    [Fact]
    public void Finds_every_key_it_added_and_no_other_across_chunks()
    {
        var table = new SlotTable();
        var reference = new Dictionary<UInt256, int>();
        var random = new Random(7);
        for (int n = 0; n < 3_000; n++)
        {
            // Small keys, keys differing only in a high word, and random keys.
            var key = (n % 3) switch
            {
                0 => new UInt256((ulong)n),
                1 => new UInt256(0, 0, 0, (ulong)n),
                _ => new UInt256((ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64()),
            };
            if (reference.ContainsKey(key)) continue;
            Assert.Equal(-1, table.Find(key));
            int index = table.FindOrAdd(key);
            table[index].Current = key + UInt256.One;
            reference[key] = index;
        }
        Assert.Equal(reference.Count, table.Count);
        foreach (var (key, index) in reference)
        {
            Assert.Equal(index, table.Find(key));
            Assert.Equal(index, table.FindOrAdd(key));
            Assert.Equal(key, table[index].Key);
            Assert.Equal(key + UInt256.One, table[index].Current);
        }
        table.Clear();
        Assert.Equal(0, table.Count);
        foreach (var key in reference.Keys.Take(50)) Assert.Equal(-1, table.Find(key));
    }

    [Fact]
    public void Journal_keeps_entries_across_chunks_and_truncates()
    {
        var journal = new Journal();
        for (int i = 0; i < 2_500; i++)
        {
            ref var entry = ref journal.Push(JournalKind.Refund);
            entry.Number = i;
            entry.Word = new UInt256((ulong)i * 3);
        }
        Assert.Equal(2_500, journal.Count);
        for (int i = 0; i < 2_500; i++) Assert.Equal(new UInt256((ulong)i * 3), journal[i].Word);
        journal.Truncate(1_000);
        Assert.Equal(1_000, journal.Count);
        Assert.Equal(JournalKind.Log, journal.Push(JournalKind.Log).Kind);
        Assert.Equal(0, journal[1_000].Number); // a pushed entry starts blank
        Assert.Equal(999, journal[999].Number);
    }
}
