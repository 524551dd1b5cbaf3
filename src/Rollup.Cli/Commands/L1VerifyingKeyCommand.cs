using System.CommandLine;
using System.Text;
using Rollup.Crypto.Kzg;
using Rollup.L1.Batches;
using Rollup.L1.Proofs;
using Rollup.Plonk.Keys;
using Rollup.Proving;

namespace Rollup.Cli.Commands;

/// <summary><c>rollup l1 verifying-key --out FILE (--ptau FILE | --insecure-srs-seed TEXT)</c>: writes the verifying
/// key file of the circuit the rollup's proofs are made for, which `rollup l1 deploy --verifying-key` turns into a
/// deployed verifier. Until the zkEVM circuit exists that circuit is the batch-statement stand-in.</summary>
public static class L1VerifyingKeyCommand
{
    public static Command Create()
    {
        var circuit = new Option<string>("--circuit")
        {
            Description = $"The circuit: '{BatchCircuit.Name}' (the zkEVM super circuit the prover uses) or '{BatchStatementCircuit.Name}' (a stand-in binding the public inputs, not execution)",
            DefaultValueFactory = _ => BatchStatementCircuit.Name,
        };
        var k = new Option<int>("--k") { Description = $"Rows of the {BatchCircuit.Name} circuit as log2 (default {BatchCircuit.DefaultK}); the prover's --prover-k must match", DefaultValueFactory = _ => BatchCircuit.DefaultK };
        var ptau = new Option<string?>("--ptau") { Description = "A powers-of-tau ceremony file (snarkjs .ptau) to take the SRS from: what a real deployment uses" };
        var seed = new Option<string?>("--insecure-srs-seed")
        {
            Description = "Derive the SRS from this public text instead. INSECURE: anyone can forge proofs; devnets and tests only",
        };
        var output = new Option<string>("--out") { Description = "Where to write the verifying key file", Required = true };

        var command = new Command("verifying-key", "Write the verifying key file of the rollup's circuit, for `rollup l1 deploy --verifying-key`.");
        foreach (var option in new Option[] { circuit, k, ptau, seed, output }) command.Options.Add(option);
        command.SetAction((parse, _) => L1Command.GuardAsync(parse, (stdout, stderr) =>
        {
            string name = parse.GetValue(circuit)!;
            if (name != BatchStatementCircuit.Name && name != BatchCircuit.Name)
                throw new ArgumentException($"--circuit: unknown circuit '{name}' (known: {BatchCircuit.Name}, {BatchStatementCircuit.Name})");
            if (name == BatchCircuit.Name) return Task.FromResult(WriteSuper(parse.GetValue(k), parse.GetValue(ptau), parse.GetValue(seed), parse.GetValue(output)!, stdout, stderr));
            int rows = 1 << BatchStatementCircuit.K;
            var srs = (parse.GetValue(ptau), parse.GetValue(seed)) switch
            {
                ({ } file, null) => PtauFile.Load(file, rows),
                (null, { } text) => Srs.InsecureFromSeed(rows, Encoding.UTF8.GetBytes(text)),
                _ => throw new ArgumentException("give exactly one of --ptau FILE (a ceremony's SRS) and --insecure-srs-seed TEXT (development only)"),
            };
            var vk = BatchStatementCircuit.Keys(srs).Vk;
            string path = parse.GetValue(output)!;
            VerifyingKeyFile.Save(path, vk, [BatchPublicInputs.Count]);
            stdout.WriteLine($"Wrote {path}: circuit {BatchStatementCircuit.Name}, 2^{vk.Layout.K} rows, {BatchPublicInputs.Count} public inputs, digest 0x{Convert.ToHexStringLower(vk.Digest)}");
            if (parse.GetValue(seed) is not null)
                stderr.WriteLine("warning: INSECURE SRS from a public seed: anyone can forge proofs for this key. Devnets and tests only; use --ptau for a real deployment.");
            return Task.FromResult(0);
        }));
        return command;
        }

    /// <summary>The super circuit's key, exactly as the prover makes it (same circuit, k and SRS), so the verifier
    /// deployed from this file accepts the prover's proofs.</summary>
    private static int WriteSuper(int k, string? ptau, string? seed, string path, TextWriter stdout, TextWriter stderr)
    {
        var srs = (ptau, seed) switch
        {
            ({ } file, null) => new SrsSource(file, null),
            (null, { } text) => new SrsSource(null, text),
            _ => throw new ArgumentException("give exactly one of --ptau FILE (a ceremony's SRS) and --insecure-srs-seed TEXT (development only)"),
        };
        stderr.WriteLine($"generating the {BatchCircuit.Name} circuit's keys for 2^{k} rows …");
        var vk = ProverKeys.Generate(k, srs).Key.Vk;
        VerifyingKeyFile.Save(path, vk, [BatchPublicInputs.Count]);
        stdout.WriteLine($"Wrote {path}: circuit {BatchCircuit.Name}, 2^{vk.Layout.K} rows, {BatchPublicInputs.Count} public inputs, digest 0x{Convert.ToHexStringLower(vk.Digest)}");
        if (seed is not null)
            stderr.WriteLine("warning: INSECURE SRS from a public seed: anyone can forge proofs for this key. Devnets and tests only; use --ptau for a real deployment.");
        return 0;
    }
}
