using Rollup.Core.Chain;

namespace Rollup.Evm.Instructions;

/// <summary>The per-fork instruction table: for each opcode whether it exists and its static gas and stack checks.
/// Built once per fork; the interpreter indexes it by opcode on every step.</summary>
public sealed class InstructionTable
{
    private readonly InstructionInfo[] _entries;
    public ForkRules Rules { get; }

    public InstructionInfo[] Entries => _entries;

    private InstructionTable(ForkRules rules)
    {
        Rules = rules;
        _entries = new InstructionInfo[256];
        for (int op = 0; op < 256; op++)
        {
            ref readonly var meta = ref OpcodeMetadata.Get((byte)op);
            bool defined = meta.Defined && meta.Since <= rules.Fork && (op != (int)Opcode.INVALID);
            _entries[op] = new InstructionInfo(defined ? StaticGas((Opcode)op, rules) : 0, meta.StackIn, meta.StackOut, defined);
        }
    }

    private static readonly InstructionTable[] ByFork = Enum.GetValues<Fork>().Select(f => new InstructionTable(ForkRules.For(f))).ToArray();

    public static InstructionTable For(Fork fork) => ByFork[(int)fork];

    /// <summary>The gas charged before an instruction runs. For the state-access instructions from Berlin this is
    /// the warm cost; the cold surcharge of EIP-2929 is dynamic.</summary>
    public static long StaticGas(Opcode op, ForkRules r)
    {
        switch (op)
        {
            case Opcode.STOP or Opcode.RETURN or Opcode.REVERT or Opcode.SSTORE: return 0;
            case Opcode.JUMPDEST: return 1;
            case Opcode.ADDRESS or Opcode.ORIGIN or Opcode.CALLER or Opcode.CALLVALUE or Opcode.CALLDATASIZE
                or Opcode.CODESIZE or Opcode.GASPRICE or Opcode.COINBASE or Opcode.TIMESTAMP or Opcode.NUMBER
                or Opcode.PREVRANDAO or Opcode.GASLIMIT or Opcode.POP or Opcode.PC or Opcode.MSIZE or Opcode.GAS
                or Opcode.RETURNDATASIZE or Opcode.CHAINID or Opcode.BASEFEE or Opcode.BLOBBASEFEE or Opcode.PUSH0:
                return 2;
            case Opcode.SELFBALANCE or Opcode.MUL or Opcode.DIV or Opcode.SDIV or Opcode.MOD or Opcode.SMOD or Opcode.SIGNEXTEND:
                return 5;
            case Opcode.ADDMOD or Opcode.MULMOD or Opcode.JUMP: return 8;
            case Opcode.EXP or Opcode.JUMPI: return 10;
            case Opcode.BLOCKHASH: return 20;
            case Opcode.KECCAK256: return 30;
            case Opcode.TLOAD or Opcode.TSTORE: return 100;
            case Opcode.CREATE or Opcode.CREATE2: return 32_000;
            case Opcode.LOG0 or Opcode.LOG1 or Opcode.LOG2 or Opcode.LOG3 or Opcode.LOG4:
                return 375 + 375 * (op - Opcode.LOG0);
            case Opcode.BALANCE:
                return r.IsBerlin ? 100 : r.IsIstanbul ? 700 : r.IsEip150 ? 400 : 20;
            case Opcode.EXTCODESIZE or Opcode.EXTCODECOPY:
                return r.IsBerlin ? 100 : r.IsEip150 ? 700 : 20;
            case Opcode.EXTCODEHASH:
                return r.IsBerlin ? 100 : r.IsIstanbul ? 700 : 400;
            case Opcode.SLOAD:
                return r.IsBerlin ? 100 : r.IsIstanbul ? 800 : r.IsEip150 ? 200 : 50;
            case Opcode.CALL or Opcode.CALLCODE or Opcode.DELEGATECALL or Opcode.STATICCALL:
                return r.IsBerlin ? 100 : r.IsEip150 ? 700 : 40;
            case Opcode.SELFDESTRUCT:
                return r.IsEip150 ? 5000 : 0;
            default:
                return 3; // the "very low" tier: arithmetic, comparison, bitwise, PUSH/DUP/SWAP, memory and copies
        }
    }
}
