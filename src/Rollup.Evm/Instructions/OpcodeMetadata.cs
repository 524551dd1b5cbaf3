using Rollup.Core.Chain;

namespace Rollup.Evm.Instructions;

/// <summary>Fork-independent facts about each opcode: its mnemonic, stack inputs and outputs, immediate bytes and
/// the fork that introduced it. Tracers, disassembly and the per-fork tables read it.</summary>
public static class OpcodeMetadata
{
    public readonly record struct Entry(string Name, byte StackIn, byte StackOut, byte Immediate, Fork Since, bool Defined);

    private static readonly Entry[] Table = Build();

    public static ref readonly Entry Get(byte opcode) => ref Table[opcode];

    public static string Name(byte opcode) => Table[opcode].Defined ? Table[opcode].Name : $"opcode 0x{opcode:x2}";

    private static Entry[] Build()
    {
        var t = new Entry[256];
        for (int i = 0; i < 256; i++) t[i] = new Entry($"0x{i:x2}", 0, 0, 0, Fork.Frontier, false);

        void Set(Opcode op, int stackIn, int stackOut, Fork since = Fork.Frontier) =>
            t[(byte)op] = new Entry(op.ToString(), (byte)stackIn, (byte)stackOut, 0, since, true);

        Set(Opcode.STOP, 0, 0);
        foreach (var op in new[] { Opcode.ADD, Opcode.MUL, Opcode.SUB, Opcode.DIV, Opcode.SDIV, Opcode.MOD, Opcode.SMOD, Opcode.EXP, Opcode.SIGNEXTEND })
            Set(op, 2, 1);
        Set(Opcode.ADDMOD, 3, 1); Set(Opcode.MULMOD, 3, 1);
        foreach (var op in new[] { Opcode.LT, Opcode.GT, Opcode.SLT, Opcode.SGT, Opcode.EQ, Opcode.AND, Opcode.OR, Opcode.XOR, Opcode.BYTE })
            Set(op, 2, 1);
        Set(Opcode.ISZERO, 1, 1); Set(Opcode.NOT, 1, 1);
        Set(Opcode.SHL, 2, 1, Fork.Constantinople); Set(Opcode.SHR, 2, 1, Fork.Constantinople); Set(Opcode.SAR, 2, 1, Fork.Constantinople);
        Set(Opcode.KECCAK256, 2, 1);

        foreach (var op in new[] { Opcode.ADDRESS, Opcode.ORIGIN, Opcode.CALLER, Opcode.CALLVALUE, Opcode.CALLDATASIZE, Opcode.CODESIZE, Opcode.GASPRICE })
            Set(op, 0, 1);
        Set(Opcode.BALANCE, 1, 1); Set(Opcode.CALLDATALOAD, 1, 1); Set(Opcode.EXTCODESIZE, 1, 1);
        Set(Opcode.CALLDATACOPY, 3, 0); Set(Opcode.CODECOPY, 3, 0); Set(Opcode.EXTCODECOPY, 4, 0);
        Set(Opcode.RETURNDATASIZE, 0, 1, Fork.Byzantium); Set(Opcode.RETURNDATACOPY, 3, 0, Fork.Byzantium);
        Set(Opcode.EXTCODEHASH, 1, 1, Fork.Constantinople);

        Set(Opcode.BLOCKHASH, 1, 1);
        foreach (var op in new[] { Opcode.COINBASE, Opcode.TIMESTAMP, Opcode.NUMBER, Opcode.PREVRANDAO, Opcode.GASLIMIT })
            Set(op, 0, 1);
        Set(Opcode.CHAINID, 0, 1, Fork.Istanbul); Set(Opcode.SELFBALANCE, 0, 1, Fork.Istanbul);
        Set(Opcode.BASEFEE, 0, 1, Fork.London);
        Set(Opcode.BLOBHASH, 1, 1, Fork.Cancun); Set(Opcode.BLOBBASEFEE, 0, 1, Fork.Cancun);

        Set(Opcode.POP, 1, 0); Set(Opcode.MLOAD, 1, 1); Set(Opcode.MSTORE, 2, 0); Set(Opcode.MSTORE8, 2, 0);
        Set(Opcode.SLOAD, 1, 1); Set(Opcode.SSTORE, 2, 0); Set(Opcode.JUMP, 1, 0); Set(Opcode.JUMPI, 2, 0);
        Set(Opcode.PC, 0, 1); Set(Opcode.MSIZE, 0, 1); Set(Opcode.GAS, 0, 1); Set(Opcode.JUMPDEST, 0, 0);
        Set(Opcode.TLOAD, 1, 1, Fork.Cancun); Set(Opcode.TSTORE, 2, 0, Fork.Cancun); Set(Opcode.MCOPY, 3, 0, Fork.Cancun);
        Set(Opcode.PUSH0, 0, 1, Fork.Shanghai);

        for (int n = 1; n <= 32; n++)
            t[0x5f + n] = new Entry($"PUSH{n}", 0, 1, (byte)n, Fork.Frontier, true);
        for (int n = 1; n <= 16; n++)
        {
            t[0x7f + n] = new Entry($"DUP{n}", (byte)n, (byte)(n + 1), 0, Fork.Frontier, true);
            t[0x8f + n] = new Entry($"SWAP{n}", (byte)(n + 1), (byte)(n + 1), 0, Fork.Frontier, true);
        }
        for (int n = 0; n <= 4; n++)
            t[0xa0 + n] = new Entry($"LOG{n}", (byte)(n + 2), 0, 0, Fork.Frontier, true);

        Set(Opcode.CREATE, 3, 1); Set(Opcode.CALL, 7, 1); Set(Opcode.CALLCODE, 7, 1); Set(Opcode.RETURN, 2, 0);
        Set(Opcode.DELEGATECALL, 6, 1, Fork.Homestead); Set(Opcode.CREATE2, 4, 1, Fork.Constantinople);
        Set(Opcode.STATICCALL, 6, 1, Fork.Byzantium); Set(Opcode.REVERT, 2, 0, Fork.Byzantium);
        Set(Opcode.INVALID, 0, 0); Set(Opcode.SELFDESTRUCT, 1, 0);
        return t;
    }
}
