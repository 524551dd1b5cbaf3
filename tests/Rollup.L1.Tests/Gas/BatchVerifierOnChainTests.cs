using Rollup.Circuits.Evm;
using Rollup.Circuits.Tests.Support;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Crypto.Kzg;
using Rollup.L1.Deployment;
using Rollup.L1.Rpc;
using Rollup.L1.Tests.Support;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Proving;
using Rollup.Plonk.Solidity;
using Rollup.Plonk.Verifying;
using Rollup.Proving;
using Xunit.Abstractions;

namespace Rollup.L1.Tests.Gas;

/// <summary>The batch circuit's verifier on an anvil with Ethereum's limits (no --disable-code-size-limit, default
/// block gas limit): the data contracts and the interpreting verifier deploy, a real proof of a contract call verifies,
/// and a proof with a flipped byte and a wrong public input are refused. The batch circuit carries every gadget on 2^12
/// rows (it needed 2^17 while AND, OR and XOR looked up bytes). The batch circuit with the state transition is proven
/// from a real batch and finalized on a default anvil by ProverEndToEndTests (an empty witness does not satisfy its
/// transition).</summary>
public class BatchVerifierOnChainTests(AnvilFixture anvil, ITestOutputHelper output) : IClassFixture<AnvilFixture>
{
    /// <summary>A contract call using gadgets beyond stack and arithmetic (the bitwise gadget's nibble lanes, memory,
    /// a comparison): a real transaction's trace (begin, steps, end) as the witness.</summary>
    private static readonly byte[] Program = new BytecodeBuilder()
        .Push(0x5a5a).Push(0x0ff0).Op(Opcode.AND).Push(0x1234).Op(Opcode.XOR)
        .Push(0).Op(Opcode.MSTORE).Push(0).Op(Opcode.MLOAD).Push(7).Op(Opcode.LT).Op(Opcode.POP).Op(Opcode.STOP).Build();

    [Fact]
    public Task The_batch_circuit_with_every_gadget_verifies_on_a_default_anvil()
    {
        var b = EvmTestbed.Build(Program, gadgets: GadgetRegistry.All(), k: BatchCircuit.DefaultK);
        // The very circuit the node deploys a verifier for (same columns, gates and lookups).
        Assert.Equal(CircuitFingerprint.Describe(new BatchCircuit(BatchCircuit.DefaultK).Circuit.System), CircuitFingerprint.Describe(b.System));
        return ProveAndVerifyOnChainAsync("batch circuit, every gadget", b.Assignment, b.Circuit.PublicInputs.Instance);
    }

    private async Task ProveAndVerifyOnChainAsync(string name, Assignment a, Column instanceColumn)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var pk = KeyGenerator.Generate(a, Srs.InsecureFromSeed(a.Rows, "rollup l1 batch verifier"u8));
        var statement = a.Values(instanceColumn)[..Rollup.Circuits.PublicInputs.Count];
        var proof = Prover.Prove(pk, a, [statement]).ToBytes();
        output.WriteLine($"{name}: keys and proof on 2^{pk.Vk.Layout.K} rows in {clock.Elapsed.TotalSeconds:F0} s, proof {proof.Length:N0} bytes");
        Assert.True(Verifier.Verify(pk.Vk, [statement], proof));

        var sender = (await RollupTestbed.DeployAsync(anvil.Node)).Owner;
        var deployed = await PlonkVerifierDeployer.DeployAsync(sender, pk.Vk, [statement.Length]);
        Assert.Equal(VerifierKind.Interpreted, deployed.Kind);
        output.WriteLine($"  deployed: {deployed.DataContracts.Count} data contracts ({deployed.DataBytes:N0} bytes) and the verifier " +
            $"({deployed.CodeBytes:N0} bytes of code), {deployed.DeployGas:N0} gas in all");

        var verifier = deployed.Contract.Address;
        var calldata = VerifierCalldata.Encode(proof, statement);
        var answer = await anvil.Node.Client.CallAsync(new CallRequest { To = verifier, Data = calldata });
        Assert.True(answer.Length == 32 && answer[31] == 1, "the valid proof must verify on chain");
        var receipt = await sender.SendAsync(verifier, calldata);
        output.WriteLine($"  verify: {receipt.GasUsed:N0} gas (whole transaction, {calldata.Length:N0} bytes of calldata)");

        var flipped = (byte[])proof.Clone();
        flipped[proof.Length / 2] ^= 0x08;
        var wrongInput = statement.ToArray();
        wrongInput[3] += Fr.One;
        foreach (var (what, data) in new[] { ("a flipped byte", VerifierCalldata.Encode(flipped, statement)), ("a wrong public input", VerifierCalldata.Encode(proof, wrongInput)) })
        {
            Assert.False(Verifier.Verify(pk.Vk, [Decode(data, statement.Length)], what == "a flipped byte" ? flipped : proof));
            var refused = await anvil.Node.Client.CallAsync(new CallRequest { To = verifier, Data = data });
            Assert.True(refused.Length == 32 && refused.All(b => b == 0), $"{what}: the verifier must answer false");
            ulong gas = await anvil.Node.Client.EstimateGasAsync(new CallRequest { From = sender.Address, To = verifier, Data = data });
            output.WriteLine($"  {what}: refused, {gas:N0} gas");
        }
    }

    /// <summary>The public inputs a calldata carries (its last words).</summary>
    private static Fr[] Decode(byte[] calldata, int count) =>
        Enumerable.Range(0, count).Select(i => Fr.FromBigInteger(new System.Numerics.BigInteger(calldata.AsSpan(calldata.Length - 32 * (count - i), 32), isUnsigned: true, isBigEndian: true))).ToArray();
}
