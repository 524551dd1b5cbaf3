using System.CommandLine;
using Rollup.Core.Crypto;
using Rollup.L1;

namespace Rollup.Cli.Commands;

/// <summary><c>rollup l1 deploy</c> and <c>rollup l1 status</c>: the rollup's contracts on an L1 (a local anvil or a
/// testnet; the commands are the same, only the URL and the key change).</summary>
public static class L1Command
{
    /// <summary>Read when --key is not given, so a testnet key need not appear in the shell history or process list.</summary>
    public const string KeyVariable = "ROLLUP_L1_KEY";

    public static Command Create()
    {
        var l1 = new Command("l1", "Deploy and inspect the rollup's L1 contracts (any JSON-RPC endpoint: anvil, a testnet, mainnet).");
        l1.Subcommands.Add(L1DeployCommand.Create());
        l1.Subcommands.Add(L1StatusCommand.Create());
        l1.Subcommands.Add(L1VerifyingKeyCommand.Create());
        l1.Subcommands.Add(L1DeployVerifierCommand.Create());
        return l1;
    }

    public static Option<string> RpcOption() => new("--rpc") { Description = "The L1 node's JSON-RPC URL, e.g. http://127.0.0.1:8545", Required = true };

    /// <summary>The key from --key or $ROLLUP_L1_KEY; the message never repeats the key text.</summary>
    public static PrivateKey ReadKey(string? option)
    {
        string? text = option ?? Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException($"no key: pass --key HEX or set {KeyVariable}");
        try
        {
            return PrivateKey.Parse(text.Trim());
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new ArgumentException("the key is not a secp256k1 private key (32 bytes of hex, 0 < k < n)");
        }
    }

    /// <summary>Runs an L1 action, turning the failures an operator can act on into one "error:" line and exit code 1.</summary>
    public static async Task<int> GuardAsync(ParseResult parse, Func<TextWriter, TextWriter, Task<int>> action)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return await action(output, error);
        }
        catch (Exception e) when (e is L1Exception or TimeoutException or ArgumentException or FormatException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
