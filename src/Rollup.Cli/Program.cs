using System.CommandLine;
using Rollup.Cli.Commands;

namespace Rollup.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Rollup: a zkEVM rollup in C# (sequencer, EVM, PLONK prover, L1 verifier).");
        root.Subcommands.Add(ConformanceCommand.Create());
        root.Subcommands.Add(EvmCommand.Create());
        root.Subcommands.Add(NodeCommand.Create());
        return root.Parse(args).Invoke();
    }
}
