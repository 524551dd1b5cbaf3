using Rollup.Circuits;
using Rollup.Circuits.Evm;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Circuit;

namespace Rollup.Proving;

/// <summary>The circuit every batch is proven with: the super circuit with a fixed gadget set (<see cref="Opcodes"/>),
/// on a fixed 2^K rows. The generated L1 verifier is made for one circuit and one size, so the shape never follows the
/// batch: a batch that does not fit, or runs an opcode outside the set, is refused (<see cref="BatchWitness"/>), never
/// proven on another circuit.
/// <para>Why not every gadget: the verifier evaluates every gate polynomial at the challenge point in Solidity, and the
/// full set's 70 gates hold thousands of polynomials — a 4.4 MB generated verifier that solc-js cannot compile (it runs
/// out of WebAssembly memory). This set gives an 0.9 MB source and ~340 KB of runtime code: over EIP-170's 24 KB, so
/// it deploys only on an L1 without that limit (anvil --disable-code-size-limit, as `rollup node --dev --prove` starts
/// it) until proofs are aggregated into a small outer proof (docs/node.md, "Proving").</para></summary>
public sealed class BatchCircuit
{
    /// <summary>The name `rollup l1 verifying-key --circuit` knows it by.</summary>
    public const string Name = "super";

    /// <summary>The default size: 2^12 rows hold 255 steps (16 rows each) and 4,094 reads and writes: about 80 plain
    /// transfers (3 steps, 35 accesses each) or a few dozen short contract calls per batch.</summary>
    public const int DefaultK = 12;

    /// <summary>The opcodes the batch circuit proves (with padding, the begin and end of transactions and the error
    /// states, which every circuit has): stack, arithmetic and control flow of simple contracts.</summary>
    public static readonly byte[] Opcodes =
    [
        .. Enumerable.Range((int)Opcode.PUSH1, 32).Select(o => (byte)o),
        .. Enumerable.Range((int)Opcode.DUP1, 16).Select(o => (byte)o),
        .. Enumerable.Range((int)Opcode.SWAP1, 16).Select(o => (byte)o),
        (byte)Opcode.POP, (byte)Opcode.ADD, (byte)Opcode.SUB, (byte)Opcode.STOP,
        (byte)Opcode.JUMPDEST, (byte)Opcode.JUMP, (byte)Opcode.JUMPI,
    ];

    public int K { get; }
    public SuperCircuit Circuit { get; }

    public BatchCircuit(int k)
    {
        Circuit = new SuperCircuit(GadgetRegistry.Covering(Opcodes));
        int minimum = Circuit.MinimumK(new SuperWitness([], new Dictionary<Fr, byte[]>()));
        if (k < minimum || k > 26)
            throw new ArgumentException($"prover k {k} is outside what the circuit allows ({minimum}..26): its fixed tables alone need 2^{minimum} rows");
        K = k;
    }

    /// <summary>An assignment of no transactions: what the keys are made from (fixed columns and copy constraints do
    /// not depend on the witness, which <see cref="BatchProver"/> checks against the key before each proof).</summary>
    public Assignment Empty() => Circuit.Assign(new SuperWitness([], new Dictionary<Fr, byte[]>()), K);
}
