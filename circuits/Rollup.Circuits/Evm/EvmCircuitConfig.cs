using Rollup.Circuits.Tables;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm;

/// <summary>The EVM circuit's columns. A step is <see cref="Height"/> rows: the step-state column holds pc, gas, … at
/// fixed rotations; flag columns hold one boolean per execution state; generic and byte cells are shared by all
/// gadgets (only one gadget is active per step); row j of a step carries its j-th read/write slot.</summary>
public sealed class EvmCircuitConfig
{
    /// <summary>Rows per step: also the most read/write accesses a step can make.</summary>
    public const int Height = 16;
    public const int CellColumns = 8;
    /// <summary>Byte columns come in pairs: each pair shares one grouped lookup into the byte table.</summary>
    public const int ByteColumns = 16;
    /// <summary>One flag cell per execution state, <see cref="Height"/> per column: as many columns as the states need.</summary>
    public static readonly int FlagColumns = (Enum.GetValues<ExecutionState>().Length + Height - 1) / Height;

    public Column QStep { get; }
    public Column Step { get; }
    public Column[] Flags { get; }
    public Column[] Cells { get; }
    public Column[] Bytes { get; }
    public RwSlotColumns Slots { get; }
    /// <summary>The step's gas left as 8 bytes (rows 0..7 of the step): every step's gas is a u64, so no step can spend
    /// more gas than it has (the subtraction would wrap to a field element far above 2^64).</summary>
    public Column GasBytes { get; }
    public const int GasByteCount = 8;
    /// <summary>Lookup lanes into the tagged fixed table (bitwise operations on nibbles and other small functions), as many
    /// as the gadgets need.</summary>
    public LookupLanes Lanes { get; }
    /// <summary>Lanes into the transaction and block tables (and the tables).</summary>
    public ContextLookups Context { get; }

    public ByteTable ByteTable { get; }
    public RwTable RwTable { get; }
    public BytecodeTable Bytecode { get; }

    public EvmCircuitConfig(ConstraintSystem cs, ByteTable byteTable, RwTable rwTable, BytecodeTable bytecode)
    {
        ByteTable = byteTable;
        RwTable = rwTable;
        Bytecode = bytecode;
        QStep = cs.Selector("evm_q_step");
        Step = cs.Advice("evm_step");
        Flags = Enumerable.Range(0, FlagColumns).Select(i => cs.Advice($"evm_flags_{i}")).ToArray();
        Cells = Enumerable.Range(0, CellColumns).Select(i => cs.Advice($"evm_cell_{i}")).ToArray();
        Bytes = Enumerable.Range(0, ByteColumns).Select(i => cs.Advice($"evm_byte_{i}")).ToArray();
        Slots = new RwSlotColumns(cs);
        GasBytes = cs.Advice("evm_gas_bytes");
        Lanes = new LookupLanes(cs);
        Context = new ContextLookups(cs);
    }

    /// <summary>Where a state's flag lives: column state / Height, rotation state % Height.</summary>
    public Expression Flag(ExecutionState state, bool next = false, bool previous = false) =>
        Flags[(int)state / Height].At((int)state % Height + (next ? Height : 0) - (previous ? Height : 0));

    public Expression Field(StepField field, bool next = false) => Step.At((int)field + (next ? Height : 0));
}

/// <summary>The read/write slot columns: on row j of a step, the step's j-th access, looked up in the RW table.</summary>
public sealed class RwSlotColumns
{
    public Column Enabled { get; }
    public Column[] Fields { get; }

    public RwSlotColumns(ConstraintSystem cs)
    {
        Enabled = cs.Advice("evm_rw_enabled");
        string[] names = ["counter", "is_write", "tag", "id", "address", "key_lo", "key_hi", "value_lo", "value_hi", "prev_lo", "prev_hi",
            "committed_lo", "committed_hi", "tx"];
        Fields = names.Select(n => cs.Advice($"evm_rw_{n}")).ToArray();
        UndoEnabled = cs.Advice("evm_undo_enabled");
        UndoCounter = cs.Advice("evm_undo_counter");
    }

    /// <summary>On the row of a reversible write, in a call that fails: 1, and <see cref="UndoCounter"/> is where the log
    /// undoes that write (the same cell written back from its value to its previous value).</summary>
    public Column UndoEnabled { get; }
    public Column UndoCounter { get; }

    public Column Counter => Fields[0];
    public Column IsWrite => Fields[1];
    public Column Tag => Fields[2];
    public Column Id => Fields[3];
    public Column Address => Fields[4];
    public Column KeyLo => Fields[5];
    public Column KeyHi => Fields[6];
    public Column ValueLo => Fields[7];
    public Column ValueHi => Fields[8];
    public Column PrevLo => Fields[9];
    public Column PrevHi => Fields[10];
    public Column CommittedLo => Fields[11];
    public Column CommittedHi => Fields[12];
    public Column TxId => Fields[13];
}
