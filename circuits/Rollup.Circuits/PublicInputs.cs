using Rollup.Circuits.Tables;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits;

/// <summary>The batch statement as the super circuit's one instance column: rows 0–6 hold the seven values the rollup
/// contract passes to the verifier, in docs/l1.md's order (each 32-byte value as two 128-bit limbs, high first).
/// <para>What is bound in wave 1 (docs/circuits.md, "Public inputs"): the chain id, to every block of the block table
/// (a block's chain-id row sits at row 6·(j+1), as <see cref="BlockTable"/> lays blocks out). The state roots are bound when the super circuit has the state transition: rows 0–3 are then copies of its
/// canonical root limbs (<see cref="SuperCircuit"/>). The data hash waits for the Keccak circuit: until then it is
/// carried by the proof (a proof for one statement does not verify for another) but not related to the execution.</para></summary>
public sealed class PublicInputs
{
    public const int Count = 7;
    public const int PrevRootHi = 0, PrevRootLo = 1, NewRootHi = 2, NewRootLo = 3, DataHashHi = 4, DataHashLo = 5, ChainIdRow = 6;

    public Column Instance { get; }
    /// <summary>Advice: the public chain id repeated on every row, so that any row's gate can compare with it.</summary>
    public Column ChainId { get; }
    /// <summary>Fixed: 1 on <see cref="ChainIdRow"/> (where the chain id column meets the instance column).</summary>
    public Column QChainIdRow { get; }
    /// <summary>Fixed: 1 on every row but the last (the chain id column stays constant from one row to the next).</summary>
    public Column QCarry { get; }
    /// <summary>Fixed: 1 on the block table's chain-id rows, 6, 12, 18, …</summary>
    public Column QBlockChainId { get; }

    public PublicInputs(ConstraintSystem cs, BlockTable blocks)
    {
        Instance = cs.Instance("public_inputs");
        ChainId = cs.Advice("public_chain_id");
        QChainIdRow = cs.Selector("q_public_chain_id_row");
        QCarry = cs.Selector("q_public_carry");
        QBlockChainId = cs.Selector("q_block_chain_id_row");
        var field = blocks.Field.Cur;
        cs.Gate("public inputs: chain id",
            ("the chain id column starts from the public input", QChainIdRow.Cur * (ChainId.Cur - Instance.Cur)),
            ("the chain id column is constant", QCarry.Cur * (ChainId.Next - ChainId.Cur)),
            // A chain-id row is either past the last block (all zero) or that block's chain id, equal to the public one.
            ("a block's chain-id row holds the chain-id field", QBlockChainId.Cur * field * (field - (int)BlockField.ChainId)),
            ("a block's chain id is the public chain id", QBlockChainId.Cur * field * (blocks.ValueLo.Cur - ChainId.Cur)),
            ("a block's chain id has no high limb", QBlockChainId.Cur * field * blocks.ValueHi.Cur));
    }

    /// <summary>The seven values as field elements, from 32-byte big-endian words (roots, data hash) and the chain id.</summary>
    public static Fr[] Values(UInt256 prevRoot, UInt256 newRoot, UInt256 dataHash, ulong chainId) =>
    [
        Hi(prevRoot), Lo(prevRoot), Hi(newRoot), Lo(newRoot), Hi(dataHash), Lo(dataHash), Fr.FromUInt64(chainId),
    ];

    private static Fr Hi(UInt256 v) => Fr.FromBigEndian((v >> 128).ToBigEndian());
    private static Fr Lo(UInt256 v) => Fr.FromBigEndian((v & ((UInt256.One << 128) - UInt256.One)).ToBigEndian());

    /// <summary>The values a witness that states none gets: zero roots and data hash, the first block's chain id (so a
    /// circuit test that only cares about execution still satisfies the chain-id gates).</summary>
    public static Fr[] Default(IReadOnlyList<BlockRecord> blocks) =>
        Values(UInt256.Zero, UInt256.Zero, UInt256.Zero, blocks.Count > 0 ? blocks[0].ChainId : 0);

    public void Assign(Assignment a, IReadOnlyList<Fr> values)
    {
        if (values.Count != Count) throw new ArgumentException($"the batch statement has {Count} public inputs, not {values.Count}");
        for (int i = 0; i < Count; i++) a[Instance, i] = values[i];
        a.Assign(QChainIdRow, ChainIdRow, 1UL);
        for (int r = 0; r < a.Rows; r++)
        {
            a[ChainId, r] = values[ChainIdRow];
            if (r < a.Rows - 1) a.Assign(QCarry, r, 1UL);
            if (r > 0 && r % 6 == 0) a.Assign(QBlockChainId, r, 1UL);
        }
    }

    /// <summary>The instance column's values as the prover and verifier take them (rows 0–6).</summary>
    public Fr[] Read(Assignment a) => a.Values(Instance)[..Count];
}
