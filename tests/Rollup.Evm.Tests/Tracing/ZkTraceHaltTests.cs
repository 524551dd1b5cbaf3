using Rollup.Evm.Bytecode;
using Rollup.Evm.Execution;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing.Zk;

namespace Rollup.Evm.Tests.Tracing;

/// <summary>The zk trace says which step ended its call and why (the circuits map an exceptional halt to an error
/// state), and a step that halts before reading anything — undefined opcode, stack underflow or overflow, less gas than
/// its static cost — records no accesses.</summary>
public class ZkTraceHaltTests
{
    private static (CallResult Result, ZkTrace Trace) Run(byte[] code, long gas = 100_000)
    {
        var zk = new ZkTracer();
        var (result, _) = new CodeRunner { Tracer = zk }.Run(code, [], gas);
        return (result, zk.Trace);
    }

    [Fact]
    public void A_normal_end_is_recorded_on_the_last_step_only()
    {
        var (result, trace) = Run(new BytecodeBuilder().Push(1).Push(2).Op(Opcode.ADD).Op(Opcode.STOP).Build());
        Assert.True(result.Success);
        Assert.All(trace.Steps.SkipLast(1), s => Assert.Equal(ExitReason.Running, s.Halt));
        Assert.Equal(ExitReason.Stop, trace.Steps[^1].Halt);
    }

    [Theory]
    [InlineData(new byte[] { 0x60, 0x01, 0x0c }, ExitReason.InvalidOpcode)]   // PUSH1 1, 0x0c (undefined)
    [InlineData(new byte[] { 0x60, 0x01, 0xfe }, ExitReason.InvalidOpcode)]   // PUSH1 1, INVALID
    [InlineData(new byte[] { 0x60, 0x01, 0x01 }, ExitReason.StackUnderflow)]  // PUSH1 1, ADD
    public void An_immediate_halt_records_its_reason_and_no_access(byte[] code, ExitReason reason)
    {
        var (result, trace) = Run(code);
        Assert.Equal(reason, result.Reason);
        Assert.Equal(reason, trace.Steps[^1].Halt);
        Assert.Equal(0, trace.Steps[^1].RwCount);
        Assert.Equal(ExitReason.Running, trace.Steps[0].Halt);
    }

    [Fact]
    public void A_stack_overflow_records_no_access()
    {
        var code = new BytecodeBuilder();
        for (int i = 0; i < 1024; i++) code.Op(Opcode.PUSH0);
        code.Op(Opcode.DUP1);
        var (result, trace) = Run(code.Build(), 1_000_000);
        Assert.Equal(ExitReason.StackOverflow, result.Reason);
        Assert.Equal(ExitReason.StackOverflow, trace.Steps[^1].Halt);
        Assert.Equal(1024, trace.Steps[^1].StackPointer);
        Assert.Equal(0, trace.Steps[^1].RwCount);
    }

    [Fact]
    public void Running_out_of_static_gas_records_no_access()
    {
        // PUSH1, PUSH1 (3 + 3), then ADD (3) with 2 gas left.
        var (result, trace) = Run(new BytecodeBuilder().Push(1).Push(2).Op(Opcode.ADD).Build(), 8);
        Assert.Equal(ExitReason.OutOfGas, result.Reason);
        var add = trace.Steps[^1];
        Assert.Equal((byte)Opcode.ADD, add.Opcode);
        Assert.Equal(2, add.GasLeft);
        Assert.Equal(ExitReason.OutOfGas, add.Halt);
        Assert.Equal(0, add.RwCount);
    }

    [Fact]
    public void An_invalid_jump_records_the_destination_it_read()
    {
        var (result, trace) = Run(new BytecodeBuilder().Push(3).Op(Opcode.JUMP).Op(Opcode.STOP).Build());
        Assert.Equal(ExitReason.InvalidJump, result.Reason);
        var jump = trace.Steps[^1];
        Assert.Equal(ExitReason.InvalidJump, jump.Halt);
        Assert.Equal(1, jump.RwCount);
        Assert.Equal(3UL, trace.Rw[jump.RwCounter].Value.U0);
    }
}
