using Rollup.Crypto.Bn254.Curves;
using Rollup.L1.Contracts;
using Rollup.L1.Deployment;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Protocol;
using Rollup.Plonk.Solidity;
using Xunit.Abstractions;

namespace Rollup.L1.Tests.Gas;

/// <summary>The interpreting verifier of every batch circuit (every gadget, with and without the state transition) compiles with the pinned
/// solc to code under EIP-170's 24,576 bytes (creation code under EIP-3860's 49,152), and its data contracts are each
/// under the same limit. Sizes do not need a real key: commitments are placeholders here (the real key's are points
/// of the same size), so this runs in seconds; BatchVerifierOnChainTests deploys real ones.</summary>
public class BatchVerifierSizeTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => new() { "batch", "batch+transition" };

    public static BatchCircuits.Case Get(string name) => name switch
    {
        "batch" => BatchCircuits.Batch(),
        "batch+transition" => BatchCircuits.BatchWithTransition(),
        _ => throw new ArgumentException($"no batch circuit case named '{name}'"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_interpreting_verifier_fits_EIP_170(string name)
    {
        var c = Get(name);
        var layout = new ProtocolLayout(c.Circuit.System, c.K);
        var cs = layout.System;
        var vk = new VerifyingKey(layout, cs.FixedColumns.Select(_ => G1Affine.Generator).ToArray(),
            cs.EqualityColumns.Select(_ => G1Affine.Generator).ToArray(), G2Affine.Generator, G2Affine.Generator);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var data = VerifierData.For(vk);
        var code = data.Code;
        var build = clock.Elapsed;
        var codes = data.RuntimeCodes();
        Assert.All(codes, runtime => Assert.True(runtime.Length <= PlonkVerifierDeployer.MaxCodeBytes));
        Assert.All(codes, runtime => Assert.True(VerifierData.CreationCode(runtime).Length <= PlonkVerifierDeployer.MaxCreationBytes));

        var addresses = codes.Select((_, i) => Rollup.Core.Types.Address.Parse($"0x{i + 1:x40}").ToArray()).ToList();
        var source = InterpretedVerifierGenerator.Generate(vk, [7], data, addresses);
        clock.Restart();
        var compiled = SolcJs.Compile(source, GeneratedVerifier.ContractName, optimizerRuns: InterpretedVerifierGenerator.OptimizerRuns);
        var compile = clock.Elapsed;
        int straightSource = SolidityVerifierGenerator.Generate(vk, [7]).Length;

        output.WriteLine($"{c.Name}, 2^{c.K}: {cs.AdviceColumns.Count} advice, {cs.FixedColumns.Count} fixed, {cs.Lookups.Count} lookups, " +
            $"{cs.EqualityColumns.Count} equality columns; {layout.Queries.Count} evaluations at {layout.Rotations.Count} rotations");
        output.WriteLine($"  constraints {code.Dag.Roots.Count:N0}; operations in the trees {code.Dag.TreeOperations:N0}, after merging {code.Dag.DagOperations:N0} " +
            $"({100.0 * code.Dag.DagOperations / code.Dag.TreeOperations:F1} %); {code.Dag.Constants.Count:N0} constants, {code.LeafCount:N0} leaves, " +
            $"{code.Exports:N0} values passed between chunks");
        output.WriteLine($"  constraint code {code.CodeBytes:N0} bytes in {code.Chunks.Count} contracts, data {data.Bytes.Length:N0} bytes in {data.DataContracts}; " +
            $"verifier {compiled.DeployedBytecode.Length:N0} bytes of code, {compiled.Bytecode.Length:N0} to create (solc {compile.TotalSeconds:F1} s, program built in {build.TotalSeconds:F1} s); " +
            $"straight-line source would be {straightSource:N0} characters");
        Assert.True(compiled.DeployedBytecode.Length <= PlonkVerifierDeployer.MaxCodeBytes, $"{compiled.DeployedBytecode.Length:N0} bytes of code");
        Assert.True(compiled.Bytecode.Length <= PlonkVerifierDeployer.MaxCreationBytes, $"{compiled.Bytecode.Length:N0} bytes of creation code");
    }
}
