using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Tables;

/// <summary>The contract code the batch runs: one row per byte (code id, index, byte) and, on the byte of a PUSHn, the
/// value it pushes as two 128-bit limbs (so the push gadget reads its immediate with one lookup). Wave 1 does not yet
/// prove this table from the bytes or bind it to the accounts' code hashes (docs/circuits.md, "What it does not
/// prove").</summary>
public sealed class BytecodeTable
{
    public Column CodeId { get; }
    public Column Index { get; }
    public Column Byte { get; }
    public Column PushLo { get; }
    public Column PushHi { get; }
    /// <summary>1 where the byte is an instruction, 0 where it is a PUSH's immediate data (a 0x5b there is no JUMPDEST).</summary>
    public Column IsCode { get; }

    public BytecodeTable(ConstraintSystem cs)
    {
        CodeId = cs.Advice("code_id");
        Index = cs.Advice("code_index");
        Byte = cs.Advice("code_byte");
        PushLo = cs.Advice("code_push_lo");
        PushHi = cs.Advice("code_push_hi");
        IsCode = cs.Advice("code_is_code");
    }

    /// <summary>Fills rows from <paramref name="startRow"/>: every code's bytes, then one zero byte past each end (where
    /// execution may fall off the code and read STOP). Returns the next free row.</summary>
    public int Assign(Assignment a, IReadOnlyDictionary<Fr, byte[]> codes, int startRow)
    {
        int row = startRow;
        foreach (var (id, code) in codes)
        {
            var padded = new byte[code.Length + 33];
            code.CopyTo(padded, 0);
            int nextInstruction = 0;
            for (int i = 0; i <= code.Length; i++, row++)
            {
                a[CodeId, row] = id;
                a.Assign(Index, row, (ulong)i);
                byte op = padded[i];
                a.Assign(Byte, row, op);
                if (i == nextInstruction)
                {
                    a.Assign(IsCode, row, 1UL);
                    nextInstruction = i + 1 + (op is >= 0x60 and <= 0x7f ? op - 0x5f : 0);
                }
                if (op is >= 0x60 and <= 0x7f)
                {
                    int n = op - 0x5f;
                    var value = UInt256.FromBigEndian(padded.AsSpan(i + 1, n));
                    a[PushLo, row] = Witness.Words.Lo(value);
                    a[PushHi, row] = Witness.Words.Hi(value);
                }
            }
        }
        return row;
    }
}
