using Rollup.Evm.Bytecode;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.Instructions;
using Rollup.Evm.State;
using Rollup.Evm.Tests.Support;
using Rollup.Evm.Tracing;
using Rollup.Evm.Tracing.Geth;
using Rollup.Evm.Tracing.Zk;

namespace Rollup.Evm.Tests.Tracing;

/// <summary>The zk trace is complete: replaying its read/write log alone reproduces every step's stack inputs and
/// outputs and every memory word it reads or writes (checked against the struct logger's independent stack and memory
/// snapshots) and the final storage (checked against the state the EVM committed), and every read returns the last
/// write. Memory entries are 32-byte words keyed by word index.</summary>
public class ZkTraceReplayTests
{
    [Fact]
    public void Token_transfer_and_a_reverting_transfer_replay()
    {
        var chain = new TestChain();
        var recipient = Address.Parse("0x00000000000000000000000000000000000000b0");
        var token = chain.Deploy("token", SampleContracts.Token(), [new(SampleContracts.BalanceSlot(chain.Sender), new UInt256(1000))]);

        var ok = RunAndReplay(chain, token, SampleContracts.TransferCall(recipient, 100));
        Assert.True(ok.Success);
        Assert.Single(ok.Logs);
        Assert.Equal(new UInt256(900), chain.State.GetStorage(token, SampleContracts.BalanceSlot(chain.Sender)));
        Assert.Equal(new UInt256(100), chain.State.GetStorage(token, SampleContracts.BalanceSlot(recipient)));

        var tooMuch = RunAndReplay(chain, token, SampleContracts.TransferCall(recipient, 5000));
        Assert.False(tooMuch.Success);
        Assert.Equal(new UInt256(900), chain.State.GetStorage(token, SampleContracts.BalanceSlot(chain.Sender)));
    }

    [Fact]
    public void Nested_calls_reverts_and_a_loop_replay()
    {
        var chain = new TestChain();
        var doubler = chain.Deploy("doubler", SampleContracts.Doubler());
        var reverter = chain.Deploy("reverter", SampleContracts.Reverter());
        var library = chain.Deploy("library", SampleContracts.Library());
        var burner = chain.Deploy("burner", SampleContracts.GasBurner());
        var caller = chain.Deploy("caller", SampleContracts.Caller(doubler, reverter, library, burner));

        var result = RunAndReplay(chain, caller, []);
        Assert.True(result.Success, result.Reason.ToString());
        Assert.Equal(new UInt256(14), chain.State.GetStorage(caller, 10));   // the doubler's answer
        Assert.Equal(UInt256.Zero, chain.State.GetStorage(caller, 11));      // the reverter failed
        Assert.Equal(new UInt256(99), chain.State.GetStorage(caller, 2));    // the library wrote the caller's slot
        Assert.Equal(UInt256.Zero, chain.State.GetStorage(caller, 12));      // SSTORE under STATICCALL failed
        Assert.Equal(UInt256.Zero, chain.State.GetStorage(caller, 13));      // the burner ran out of gas
        Assert.Equal(new UInt256(7), chain.State.GetStorage(doubler, 1));
        Assert.Equal(UInt256.Zero, chain.State.GetStorage(reverter, 5));     // reverted write gone
        Assert.Equal(UInt256.Zero, chain.State.GetStorage(burner, 6));
        for (ulong i = 0; i < 5; i++) Assert.Equal(new UInt256(i), chain.State.GetStorage(caller, 100 + i));
    }

    [Fact]
    public void Memory_is_logged_in_words_an_unaligned_access_touches_two()
    {
        var code = new BytecodeBuilder()
            .Push(UInt256.MaxValue).Push(5).Op(Opcode.MSTORE)     // bytes 5..36: words 0 and 1
            .Push(0xab).Push(64).Op(Opcode.MSTORE8)               // byte 64: word 2
            .Push(3).Op(Opcode.MLOAD).Op(Opcode.POP)              // bytes 3..34: words 0 and 1
            .Push(32).Op(Opcode.MLOAD).Op(Opcode.POP)             // aligned: word 1 only
            .Push(40).Push(10).Push(0).Op(Opcode.CALLDATACOPY)    // bytes 0..39 written: words 0 and 1
            .Op(Opcode.STOP).Build();
        var structLogger = new StructLogger(new StructLoggerOptions(EnableMemory: true));
        var zk = new ZkTracer();
        var (result, _) = new Execution.CodeRunner { Tracer = new CompositeTracer(structLogger, zk) }.Run(code, new byte[64], 1_000_000);
        Assert.True(result.Success, result.Reason.ToString());
        Replay(zk.Trace, []);
        CheckMemory(zk.Trace, structLogger.Logs);

        List<RwEntry> MemoryOf(byte opcode, int nth = 0)
        {
            var step = zk.Trace.Steps.Where(s => s.Opcode == opcode).ElementAt(nth);
            return zk.Trace.Rw.Skip(step.RwCounter).Take(step.RwCount).Where(e => e.Tag == RwTag.Memory).ToList();
        }
        var mstore = MemoryOf((byte)Opcode.MSTORE);
        Assert.Equal([0UL, 1UL], mstore.Select(e => e.Key.U0));
        Assert.All(mstore, e => Assert.True(e.IsWrite));
        Assert.Equal(UInt256.MaxValue >> 40, mstore[0].Value);                 // bytes 5..31 set
        Assert.Equal(UInt256.MaxValue << 216, mstore[1].Value);                // bytes 32..36 set
        var mstore8 = Assert.Single(MemoryOf((byte)Opcode.MSTORE8));
        Assert.Equal((2UL, new UInt256(0xab) << 248), (mstore8.Key.U0, mstore8.Value));
        Assert.Equal([0UL, 1UL], MemoryOf((byte)Opcode.MLOAD).Select(e => e.Key.U0));
        Assert.Equal([1UL], MemoryOf((byte)Opcode.MLOAD, 1).Select(e => e.Key.U0));
        Assert.Equal([0UL, 1UL], MemoryOf((byte)Opcode.CALLDATACOPY).Select(e => e.Key.U0));
    }

    [Fact]
    public void The_trace_round_trips_through_MessagePack()
    {
        var chain = new TestChain();
        var token = chain.Deploy("token", SampleContracts.Token(), [new(SampleContracts.BalanceSlot(chain.Sender), new UInt256(1000))]);
        var zk = new ZkTracer();
        chain.Call(token, SampleContracts.TransferCall(Address.Zero, 1), zk);
        byte[] bytes = ZkTraceSerializer.Serialize(zk.Trace);
        var back = ZkTraceSerializer.Deserialize(bytes);
        Assert.Equal(zk.Trace.Rw, back.Rw);
        Assert.Equal(zk.Trace.Steps.Count, back.Steps.Count);
        for (int i = 0; i < back.Steps.Count; i++)
        {
            var (a, b) = (zk.Trace.Steps[i], back.Steps[i]);
            Assert.Equal((a.Pc, a.Opcode, a.GasLeft, a.GasCost, a.Depth, a.CallId, a.StackPointer, a.MemorySize, a.RwCounter),
                (b.Pc, b.Opcode, b.GasLeft, b.GasCost, b.Depth, b.CallId, b.StackPointer, b.MemorySize, b.RwCounter));
        }
    }

    [Fact]
    public void The_replay_catches_a_corrupted_stack_or_storage_entry()
    {
        var chain = new TestChain();
        var token = chain.Deploy("token", SampleContracts.Token(), [new(SampleContracts.BalanceSlot(chain.Sender), new UInt256(1000))]);
        var pre = Snapshot(chain.State);
        var structLogger = new StructLogger(new StructLoggerOptions(EnableMemory: true));
        var zk = new ZkTracer();
        chain.Call(token, SampleContracts.TransferCall(Address.Zero, 1), new CompositeTracer(structLogger, zk));
        Verify(zk.Trace, structLogger.Logs, pre, chain.State);

        var candidates = zk.Trace.Rw.Where(e => e.Tag is RwTag.Stack or RwTag.Storage).Select(e => e.RwCounter).ToList();
        var rng = new Random(7);
        int tried = 0, caught = 0;
        foreach (int index in candidates.OrderBy(_ => rng.Next()).Take(60))
        {
            var original = zk.Trace.Rw[index];
            zk.Trace.Rw[index] = original with { Value = original.Value + UInt256.One };
            tried++;
            try { Verify(zk.Trace, structLogger.Logs, pre, chain.State); }
            catch (Xunit.Sdk.XunitException) { caught++; }
            zk.Trace.Rw[index] = original;
        }
        Assert.Equal(tried, caught);
    }

    private static Execution.TransactionResult RunAndReplay(TestChain chain, Address to, byte[] data)
    {
        var pre = Snapshot(chain.State);
        var structLogger = new StructLogger(new StructLoggerOptions(EnableMemory: true));
        var zk = new ZkTracer();
        var result = chain.Call(to, data, new CompositeTracer(structLogger, zk));
        var trace = zk.Trace;

        Verify(trace, structLogger.Logs, pre, chain.State);
        return result;
    }

    private static void Verify(ZkTrace trace, IReadOnlyList<StructLog> logs, Dictionary<(Address, UInt256), UInt256> pre, InMemoryStateSource post)
    {
        Assert.Equal(logs.Count, trace.Steps.Count);
        var cells = Replay(trace, pre);
        CheckStacks(trace, logs);
        CheckMemory(trace, logs);
        // The storage the log ends with is the storage the EVM committed.
        foreach (var ((_, address, key), value) in cells)
            Assert.Equal(post.GetStorage(address, key), value);
    }

    private static Dictionary<(Address, UInt256), UInt256> Snapshot(InMemoryStateSource state)
    {
        var copy = new Dictionary<(Address, UInt256), UInt256>();
        foreach (var (address, _) in state.Accounts)
            foreach (var (k, v) in state.StorageOf(address)) copy[(address, k)] = v;
        return copy;
    }

    /// <summary>Walks the log in order, as the state circuit will: each read must return the cell's last write (or
    /// its initial value), each state write must name the value it replaces. Returns the final storage cells.</summary>
    private static Dictionary<(RwTag Tag, Address Address, UInt256 Key), UInt256> Replay(ZkTrace trace, Dictionary<(Address, UInt256), UInt256> preStorage)
    {
        var cells = new Dictionary<(RwTag, int, Address, UInt256), UInt256>();
        for (int i = 0; i < trace.Rw.Count; i++)
        {
            var e = trace.Rw[i];
            Assert.Equal(i, e.RwCounter);
            bool stateCell = e.Tag is RwTag.Storage;
            var id = (e.Tag, stateCell ? 0 : e.Id, e.Address, e.Key);
            bool known = cells.TryGetValue(id, out var current);
            if (!known && stateCell) { current = preStorage.GetValueOrDefault((e.Address, e.Key)); known = true; }
            if (!e.IsWrite)
            {
                if (known || e.Tag is RwTag.Stack or RwTag.Memory)
                    Assert.True(e.Value == current, $"rw {i}: read of {e.Tag} {e.Key} returned {e.Value}, last write was {current}");
            }
            else
            {
                if (known || e.Tag is RwTag.Stack or RwTag.Memory)
                    Assert.True(e.Previous == current, $"rw {i}: write of {e.Tag} {e.Key} says previous {e.Previous}, cell held {current}");
                cells[id] = e.Value;
            }
        }
        return cells.Where(c => c.Key.Item1 == RwTag.Storage).ToDictionary(c => (c.Key.Item1, c.Key.Item3, c.Key.Item4), c => c.Value);
    }

    /// <summary>Each step's memory reads are the words the struct logger saw in memory before it (zero past its end), and
    /// its memory writes the words seen before the next step of the same call; a straddling access logs both words.</summary>
    private static void CheckMemory(ZkTrace trace, IReadOnlyList<StructLog> logs)
    {
        static UInt256 WordOf(byte[] memory, UInt256 key)
        {
            var word = new byte[32];
            ulong start = key.U0 * 32;
            for (int i = 0; i < 32; i++)
                if (start + (ulong)i < (ulong)memory.Length) word[i] = memory[(int)start + i];
            return UInt256.FromBigEndian(word);
        }
        int checkedWords = 0;
        for (int s = 0; s < trace.Steps.Count; s++)
        {
            var step = trace.Steps[s];
            var log = logs[s];
            int end = s + 1 < trace.Steps.Count ? trace.Steps[s + 1].RwCounter : trace.Rw.Count;
            var memory = trace.Rw.Skip(step.RwCounter).Take(end - step.RwCounter).Where(e => e.Tag == RwTag.Memory && e.Id == step.CallId).ToList();
            foreach (var read in memory.Where(e => !e.IsWrite))
            {
                Assert.Equal(WordOf(log.Memory!, read.Key), read.Value);
                checkedWords++;
            }
            var after = logs.Skip(s + 1).FirstOrDefault(l => l.Depth == log.Depth);
            if (after is null || !logs.Skip(s + 1).TakeWhile(l => l != after).All(l => l.Depth > log.Depth)) continue;
            foreach (var write in memory.Where(e => e.IsWrite))
            {
                Assert.Equal(WordOf(log.Memory!, write.Key), write.Previous);
                Assert.Equal(WordOf(after.Memory!, write.Key), write.Value);
                checkedWords++;
            }
        }
        Assert.True(checkedWords > 0 || !trace.Rw.Any(e => e.Tag == RwTag.Memory));
    }

    /// <summary>Each step's stack reads are exactly the values the struct logger saw on the stack before it, and its
    /// stack writes the values seen before the next step of the same call.</summary>
    private static void CheckStacks(ZkTrace trace, IReadOnlyList<StructLog> logs)
    {
        for (int s = 0; s < trace.Steps.Count; s++)
        {
            var step = trace.Steps[s];
            var log = logs[s];
            Assert.Equal(log.Pc, step.Pc);
            Assert.Equal(log.Op, OpcodeMetadata.Name(step.Opcode));
            Assert.Equal(log.Gas, step.GasLeft);
            Assert.Equal(log.Stack!.Length, step.StackPointer);

            int end = s + 1 < trace.Steps.Count ? trace.Steps[s + 1].RwCounter : trace.Rw.Count;
            var stackAccesses = trace.Rw.Skip(step.RwCounter).Take(end - step.RwCounter).Where(e => e.Tag == RwTag.Stack && e.Id == step.CallId).ToList();
            foreach (var read in stackAccesses.Where(e => !e.IsWrite))
                Assert.Equal(log.Stack[(int)read.Key.U0], read.Value);

            // The next struct-log entry at this depth shows the stack after this step.
            var after = logs.Skip(s + 1).FirstOrDefault(l => l.Depth == log.Depth);
            var writes = stackAccesses.Where(e => e.IsWrite).ToList();
            if (after is not null && writes.Count > 0 && logs.Skip(s + 1).TakeWhile(l => l != after).All(l => l.Depth > log.Depth))
                foreach (var write in writes)
                    Assert.Equal(after.Stack![(int)write.Key.U0], write.Value);
        }
    }
}
