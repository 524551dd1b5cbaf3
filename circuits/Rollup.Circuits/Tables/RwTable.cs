using Rollup.Circuits.Witness;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Tables;

/// <summary>The read/write table: one row per access of the batch's execution, with 256-bit values as 128-bit limbs.
/// The EVM circuit looks its accesses up here; the state circuit proves the table consistent (each read returns the
/// last write). Row 0 is all zeros (the "no access" row that disabled lookups may hit); accesses start at row 1.</summary>
public sealed class RwTable
{
    public Column RwCounter { get; }
    public Column IsWrite { get; }
    public Column Tag { get; }
    public Column Id { get; }
    public Column Address { get; }
    public Column KeyLo { get; }
    public Column KeyHi { get; }
    public Column ValueLo { get; }
    public Column ValueHi { get; }
    public Column PrevLo { get; }
    public Column PrevHi { get; }
    /// <summary>For storage: the slot's value when the access's transaction began (EIP-2200's "original"); zero for other
    /// tags. The state circuit proves it.</summary>
    public Column CommittedLo { get; }
    public Column CommittedHi { get; }
    /// <summary>The transaction the access belongs to (the EVM step's tx id).</summary>
    public Column TxId { get; }
    /// <summary>1 on the rows that hold accesses (1..N), 0 elsewhere; set by the state circuit, which proves the active
    /// rows consistent. Lookups into the table match it against 1, so rows outside the proven ones can never be hit.</summary>
    public Column Active { get; }

    public RwTable(ConstraintSystem cs)
    {
        Active = cs.Advice("rw_active");
        RwCounter = cs.Advice("rw_counter");
        IsWrite = cs.Advice("rw_is_write");
        Tag = cs.Advice("rw_tag");
        Id = cs.Advice("rw_id");
        Address = cs.Advice("rw_address");
        KeyLo = cs.Advice("rw_key_lo");
        KeyHi = cs.Advice("rw_key_hi");
        ValueLo = cs.Advice("rw_value_lo");
        ValueHi = cs.Advice("rw_value_hi");
        PrevLo = cs.Advice("rw_prev_lo");
        PrevHi = cs.Advice("rw_prev_hi");
        CommittedLo = cs.Advice("rw_committed_lo");
        CommittedHi = cs.Advice("rw_committed_hi");
        TxId = cs.Advice("rw_tx");
    }

    /// <summary>The columns in lookup order (what an access is; <see cref="Active"/> is matched separately).</summary>
    public Column[] Columns => [RwCounter, IsWrite, Tag, Id, Address, KeyLo, KeyHi, ValueLo, ValueHi, PrevLo, PrevHi, CommittedLo, CommittedHi, TxId];

    /// <summary>The values of one entry, in <see cref="Columns"/> order. Counters are the trace's plus one: the circuit
    /// counts accesses 1..N so that counter 0 belongs to the all-zero "no access" row.</summary>
    public static Fr[] Row(in RwEntry e) =>
    [
        Fr.FromUInt64((ulong)e.RwCounter + 1), e.IsWrite ? Fr.One : Fr.Zero, Fr.FromUInt64((ulong)e.Tag), Fr.FromUInt64((ulong)e.Id),
        Words.Of(e.Address), Words.Lo(e.Key), Words.Hi(e.Key), Words.Lo(e.Value), Words.Hi(e.Value), Words.Lo(e.Previous), Words.Hi(e.Previous),
        e.Tag == RwTag.Storage ? Words.Lo(e.Committed) : Fr.Zero, e.Tag == RwTag.Storage ? Words.Hi(e.Committed) : Fr.Zero, Fr.FromUInt64((ulong)e.TxId),
    ];

    /// <summary>Writes the entries from row 1 on, in the order given (the state circuit's order).</summary>
    public void Assign(Assignment a, IReadOnlyList<RwEntry> entries)
    {
        var columns = Columns;
        for (int i = 0; i < entries.Count; i++)
        {
            var row = Row(entries[i]);
            for (int c = 0; c < columns.Length; c++) a[columns[c], 1 + i] = row[c];
        }
    }
}
