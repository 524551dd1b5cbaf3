using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>A batch whose four transactions each run out of gas on a dynamic cost (an MSTORE's expansion, a cold SLOAD,
/// an SSTORE's cost, an EXP's exponent bytes) proves and verifies; with one gas-shortfall byte of one of them changed, the
/// checker names it and the proof made anyway does not verify.</summary>
public class OutOfGasProofTests(ITestOutputHelper output)
{
    [Fact]
    public void A_batch_of_dynamic_out_of_gas_failures_proves_and_a_corrupted_one_does_not()
    {
        (byte[] Code, byte Opcode)[] programs =
        [
            (new BytecodeBuilder().Push(1).Push(1_000_000).Op(Opcode.MSTORE).Build(), 0x52),
            (new BytecodeBuilder().Push(9).Op(Opcode.SLOAD).Build(), 0x54),
            (new BytecodeBuilder().Push(1).Push(0).Op(Opcode.SSTORE).Build(), 0x55),
            (new BytecodeBuilder().Push(UInt256.One << 255).Push(3).Op(Opcode.EXP).Build(), 0x0a),
        ];
        var batch = new TransactionBatch();
        for (int i = 0; i < programs.Length; i++)
        {
            var (code, opcode) = programs[i];
            var (before, cost) = OutOfGasBed.Measure(code, opcode);
            var contract = batch.Deploy(code, Address.Parse($"0x00000000000000000000000000000000c0de00{i + 10:x2}"));
            batch.Call(contract, gas: before + cost - 1);
        }
        var b = EvmTestbed.BuildTransactions(batch, mustSucceed: false);
        ExecutionState[] states = [ExecutionState.ErrorOutOfGasMemory, ExecutionState.ErrorOutOfGasSload, ExecutionState.ErrorOutOfGasSstore, ExecutionState.ErrorOutOfGasExp];
        Assert.All(states, s => Assert.Contains(b.Steps, x => x.State == s));
        Assert.Empty(new ConstraintChecker { MaxFailures = 5 }.Check(b.Assignment));

        var srs = Rollup.Crypto.Kzg.Srs.InsecureFromSeed(b.Assignment.Rows, "out of gas proofs"u8);
        var pk = Rollup.Plonk.Keys.KeyGenerator.Generate(b.Assignment, srs);
        var statement = b.Circuit.PublicInputs.Read(b.Assignment);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var proof = Rollup.Plonk.Proving.Prover.Prove(pk, b.Assignment, [statement]).ToBytes();
        output.WriteLine($"proved {b.Steps.Count} steps on 2^{b.Assignment.K} rows in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [statement], proof));

        // The SLOAD's shortfall claims one gas more: 2,100 − gas − 1 no longer holds.
        int step = b.Steps.FindIndex(s => s.State == ExecutionState.ErrorOutOfGasSload);
        var (column, rotation, _) = MutationHarness.OwnedCells(b.Evm, ExecutionState.ErrorOutOfGasSload).First(c => c.Name == "cost - gas left - 1[0]");
        b.Assignment[column, step * EvmCircuitConfig.Height + rotation] += Fr.One;
        var failures = new ConstraintChecker { MaxFailures = 3 }.Check(b.Assignment);
        output.WriteLine(failures.FirstOrDefault()?.Name);
        Assert.Contains(failures, f => f.Name.Contains("the cost exceeds the gas left"));
        Assert.False(Rollup.Plonk.Verifying.Verifier.Verify(pk.Vk, [statement], Rollup.Plonk.Proving.Prover.Prove(pk, b.Assignment, [statement]).ToBytes()));
    }
}
