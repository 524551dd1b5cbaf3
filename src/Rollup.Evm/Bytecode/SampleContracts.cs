using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.Instructions;

namespace Rollup.Evm.Bytecode;

/// <summary>Small contracts written opcode by opcode, for tests, benchmarks and demos: an ERC-20-style token, a contract
/// that makes nested calls of every kind, callees that succeed, revert or write storage.</summary>
public static class SampleContracts
{
    public static readonly Hash256 TransferTopic = Keccak256.Hash("Transfer(address,address,uint256)"u8);

    /// <summary>The storage slot of balances[holder] in a Solidity mapping at slot 0: keccak256(holder ‖ 0).</summary>
    public static UInt256 BalanceSlot(Address holder)
    {
        var buffer = new byte[64];
        holder.Bytes.CopyTo(buffer.AsSpan(12));
        return UInt256.FromBigEndian(Keccak256.Hash(buffer).Bytes);
    }

    /// <summary>transfer(address,uint256) and balanceOf(address), balances in a mapping at slot 0; a transfer
    /// beyond the balance reverts; a successful one logs Transfer(from, to, amount) and returns true.</summary>
    public static byte[] Token()
    {
        var b = new BytecodeBuilder();
        b.Push(0).Op(Opcode.CALLDATALOAD).Push(0xe0).Op(Opcode.SHR);
        b.Op(Opcode.DUP1).PushBytes([0xa9, 0x05, 0x9c, 0xbb]).Op(Opcode.EQ).JumpIf("transfer");
        b.Op(Opcode.DUP1).PushBytes([0x70, 0xa0, 0x82, 0x31]).Op(Opcode.EQ).JumpIf("balanceOf");
        b.Push(0).Push(0).Op(Opcode.REVERT);

        b.Label("balanceOf").Op(Opcode.POP);
        b.Push(4).Op(Opcode.CALLDATALOAD);
        Slot(b);
        b.Op(Opcode.SLOAD).ReturnTop();

        b.Label("transfer").Op(Opcode.POP);
        b.Op(Opcode.CALLER);
        Slot(b);                                                        // [slotFrom]
        b.Op(Opcode.DUP1).Op(Opcode.SLOAD);                             // [slotFrom, bal]
        b.Push(36).Op(Opcode.CALLDATALOAD);                             // [slotFrom, bal, amt]
        b.Op(Opcode.DUP1).Op(Opcode.DUP3).Op(Opcode.LT).JumpIf("fail"); // bal < amt → fail
        b.Op(Opcode.SWAP1).Op(Opcode.DUP2).Op(Opcode.SWAP1).Op(Opcode.SUB); // [slotFrom, amt, bal-amt]
        b.Op(Opcode.DUP3).Op(Opcode.SSTORE);                            // balances[from] = bal-amt
        b.Op(Opcode.SWAP1).Op(Opcode.POP);                              // [amt]
        b.Push(4).Op(Opcode.CALLDATALOAD);
        Slot(b);                                                        // [amt, slotTo]
        b.Op(Opcode.DUP1).Op(Opcode.SLOAD).Op(Opcode.DUP3).Op(Opcode.ADD); // [amt, slotTo, balTo+amt]
        b.Op(Opcode.SWAP1).Op(Opcode.SSTORE);                           // balances[to] += amt; [amt]
        b.Push(0).Op(Opcode.MSTORE);                                    // memory[0] = amt
        b.Push(4).Op(Opcode.CALLDATALOAD).Op(Opcode.CALLER).PushBytes(TransferTopic.Bytes);
        b.Push(32).Push(0).Op(Opcode.LOG3);
        b.Push(1).ReturnTop();

        b.Label("fail").Push(0).Push(0).Op(Opcode.REVERT);
        return b.Build();
    }

    /// <summary>[addr] → [keccak256(addr ‖ 0)], using memory 0..64.</summary>
    private static void Slot(BytecodeBuilder b) =>
        b.Push(0).Op(Opcode.MSTORE).Push(0).Push(32).Op(Opcode.MSTORE).Push(64).Push(0).Op(Opcode.KECCAK256);

    public static byte[] TransferCall(Address to, UInt256 amount)
    {
        var data = new byte[68];
        new byte[] { 0xa9, 0x05, 0x9c, 0xbb }.CopyTo(data, 0);
        to.Bytes.CopyTo(data.AsSpan(16));
        amount.WriteBigEndian(data.AsSpan(36));
        return data;
    }

    /// <summary>Stores its 32-byte input at slot 1 and returns twice it.</summary>
    public static byte[] Doubler() => new BytecodeBuilder()
        .Push(0).Op(Opcode.CALLDATALOAD).Push(1).Op(Opcode.SSTORE)
        .Push(0).Op(Opcode.CALLDATALOAD).Push(2).Op(Opcode.MUL).ReturnTop().Build();

    /// <summary>Writes slot 5 and then reverts with 4 bytes of data.</summary>
    public static byte[] Reverter() => new BytecodeBuilder()
        .Store(5, 42).Push(0xdeadbeef).Push(0).Op(Opcode.MSTORE).Push(4).Push(28).Op(Opcode.REVERT).Build();

    /// <summary>Runs out of gas after writing slot 6.</summary>
    public static byte[] GasBurner() => new BytecodeBuilder().Store(6, 1).Label("spin").Jump("spin").Build();

    /// <summary>A library for DELEGATECALL: writes 99 to slot 2 of whoever calls it.</summary>
    public static byte[] Library() => new BytecodeBuilder().Store(2, 99).Op(Opcode.STOP).Build();

    /// <summary>CALLs the doubler (stores the answer at 10), CALLs the reverter (success flag at 11), DELEGATECALLs the
    /// library, STATICCALLs the doubler (which cannot write: flag at 12), CALLs the gas burner with 50,000 gas (flag at
    /// 13), then loops writing i to slot 100 + i for i = 0..4.</summary>
    public static byte[] Caller(Address doubler, Address reverter, Address library, Address burner)
    {
        var b = new BytecodeBuilder();
        b.Push(7).Push(0).Op(Opcode.MSTORE);
        Call(b, Opcode.CALL, doubler, 0xffff_ffff, inLength: 32, outOffset: 32, outLength: 32).Op(Opcode.POP);
        b.Push(32).Op(Opcode.MLOAD).Push(10).Op(Opcode.SSTORE);
        Call(b, Opcode.CALL, reverter, 0xffff_ffff, 0, 0, 0).Push(11).Op(Opcode.SSTORE);
        Call(b, Opcode.DELEGATECALL, library, 0xffff_ffff, 0, 0, 0).Op(Opcode.POP);
        Call(b, Opcode.STATICCALL, doubler, 100_000, 32, 64, 32).Push(12).Op(Opcode.SSTORE);
        Call(b, Opcode.CALL, burner, 50_000, 0, 0, 0).Push(13).Op(Opcode.SSTORE);
        b.Push(0);                                              // [i]
        b.Label("loop");
        b.Op(Opcode.DUP1).Op(Opcode.DUP1).Push(100).Op(Opcode.ADD).Op(Opcode.SSTORE); // storage[100 + i] = i
        b.Push(1).Op(Opcode.ADD);                               // i + 1
        b.Op(Opcode.DUP1).Push(5).Op(Opcode.GT).JumpIf("loop"); // 5 > i → again
        b.Op(Opcode.STOP);
        return b.Build();
    }

    /// <summary>Pushes the arguments of a CALL-family instruction (value 0 where it has one) and the instruction.</summary>
    private static BytecodeBuilder Call(BytecodeBuilder b, Opcode op, Address target, ulong gas, ulong inLength, ulong outOffset, ulong outLength)
    {
        b.Push(outLength).Push(outOffset).Push(inLength).Push(0);
        if (op is Opcode.CALL or Opcode.CALLCODE) b.Push(0);
        return b.Push(target).Push(gas).Op(op);
    }
}
