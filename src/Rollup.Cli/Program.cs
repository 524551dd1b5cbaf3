using System.CommandLine;
using Rollup.Cli.Commands;

namespace Rollup.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>The whole program with its output redirected: tests run the exact command lines users type.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Rollup: a zkEVM rollup in C# (sequencer, EVM, PLONK prover, L1 verifier).");
        root.Subcommands.Add(ConformanceCommand.Create());
        root.Subcommands.Add(EvmCommand.Create());
        root.Subcommands.Add(L1Command.Create());
        root.Subcommands.Add(NodeCommand.Create());
        root.Subcommands.Add(ProveCommand.Create());
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
