using System.CommandLine;
using System.Text;
using Rollup.Crypto.Kzg;
using Rollup.L1.Batches;
using Rollup.L1.Proofs;
using Rollup.Plonk.Keys;

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
            Description = $"The circuit (only '{BatchStatementCircuit.Name}' until the zkEVM circuit exists: it binds the batch's public inputs, not its execution)",
            DefaultValueFactory = _ => BatchStatementCircuit.Name,
        };
        var ptau = new Option<string?>("--ptau") { Description = "A powers-of-tau ceremony file (snarkjs .ptau) to take the SRS from: what a real deployment uses" };
        var seed = new Option<string?>("--insecure-srs-seed")
        {
            Description = "Derive the SRS from this public text instead. INSECURE: anyone can forge proofs; devnets and tests only",
        };
        var output = new Option<string>("--out") { Description = "Where to write the verifying key file", Required = true };

        var command = new Command("verifying-key", "Write the verifying key file of the rollup's circuit, for `rollup l1 deploy --verifying-key`.");
        foreach (var option in new Option[] { circuit, ptau, seed, output }) command.Options.Add(option);
        command.SetAction((parse, _) => L1Command.GuardAsync(parse, (stdout, stderr) =>
        {
            if (parse.GetValue(circuit) != BatchStatementCircuit.Name)
                throw new ArgumentException($"--circuit: unknown circuit '{parse.GetValue(circuit)}' (known: {BatchStatementCircuit.Name})");
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
}
