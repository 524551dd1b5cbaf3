using Rollup.Circuits;
using Rollup.Circuits.Evm;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Prover;

/// <summary>The circuit every batch is proven with: the super circuit with every gadget, on a fixed 2^K rows. The
/// generated L1 verifier is made for one circuit and one size, so the shape never follows the batch: a batch that does
/// not fit is refused (<see cref="BatchWitness"/>), never proven on a bigger circuit.</summary>
public sealed class BatchCircuit
{
    /// <summary>The name `rollup l1 verifying-key --circuit` knows it by.</summary>
    public const string Name = "super";

    /// <summary>The default size: 2^17 is the smallest that holds the full gadget set's lookup tables; it leaves room
    /// for 8,191 steps (16 rows each) and 131,070 reads and writes, a few hundred transfers or calls.</summary>
    public const int DefaultK = 17;

    public int K { get; }
    public SuperCircuit Circuit { get; }

    public BatchCircuit(int k)
    {
        Circuit = new SuperCircuit(GadgetRegistry.All());
        int minimum = Circuit.MinimumK(new SuperWitness([], new Dictionary<Fr, byte[]>()));
        if (k < minimum || k > 26)
            throw new ArgumentException($"prover k {k} is outside what the circuit allows ({minimum}..26): its fixed tables alone need 2^{minimum} rows");
        K = k;
    }

    /// <summary>An assignment of no transactions: what the keys are made from (fixed columns and copy constraints do
    /// not depend on the witness, which <see cref="BatchProver"/> checks against the key before each proof).</summary>
    public Assignment Empty() => Circuit.Assign(new SuperWitness([], new Dictionary<Fr, byte[]>()), K);
}
