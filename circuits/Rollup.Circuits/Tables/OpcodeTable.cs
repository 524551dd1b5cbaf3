using Rollup.Core.Chain;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Instructions;

namespace Rollup.Circuits.Tables;

/// <summary>Opcode properties for Cancun, as sub-tables of the <see cref="TaggedTable"/> (each 256 rows, one per opcode,
/// so an opcode's row is unique and a lookup pins the property): what the error states check a step against. Computed
/// from the EVM's own instruction metadata and per-fork table, so the circuit and the interpreter cannot disagree.</summary>
public static class OpcodeTable
{
    public static readonly Fork Fork = Fork.Cancun;

    /// <summary>(opcode, static gas, defined): the gas charged before the instruction runs (0 for undefined opcodes) and
    /// whether the fork defines it (INVALID, 0xfe, is not defined).</summary>
    public static readonly SubTable Gas = new("opcode static gas and defined", 256, () =>
        Enumerable.Range(0, 256).Select(op =>
        {
            var info = InstructionTable.For(Fork).Entries[op];
            return (Fr.FromUInt64((ulong)op), Fr.FromUInt64((ulong)info.StaticGas), info.Defined ? Fr.One : Fr.Zero);
        }));

    /// <summary>(opcode, stack items it needs, stack items it leaves in their place): underflow below the first, overflow
    /// when size − needs + leaves passes 1,024 (DUPn needs n and leaves n + 1; SWAPn needs and leaves n + 1).</summary>
    public static readonly SubTable Stack = new("opcode stack inputs and outputs", 256, () =>
        Enumerable.Range(0, 256).Select(op =>
        {
            bool defined = InstructionTable.For(Fork).Entries[op].Defined;
            ref readonly var meta = ref OpcodeMetadata.Get((byte)op);
            return (Fr.FromUInt64((ulong)op), Fr.FromUInt64(defined ? meta.StackIn : 0UL), Fr.FromUInt64(defined ? meta.StackOut : 0UL));
        }));
}
