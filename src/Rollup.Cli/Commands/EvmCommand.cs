using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Rollup.Core.Chain;
using Rollup.Core.Encoding;
using Rollup.Evm.Execution;
using Rollup.Evm.Tracing.Geth;

namespace Rollup.Cli.Commands;

/// <summary><c>rollup evm run</c> runs bytecode once (optionally printing a struct-log trace);
/// <c>rollup evm bench</c> times workload files and prints one JSON line per file.</summary>
public static class EvmCommand
{
    public static Command Create()
    {
        var evm = new Command("evm", "Run EVM bytecode outside any chain: for debugging and benchmarking.");
        evm.Subcommands.Add(RunCommand());
        evm.Subcommands.Add(BenchCommand());
        return evm;
    }

    private static Option<long> GasOption() => new("--gas") { Description = "Gas limit", DefaultValueFactory = _ => 1_000_000_000 };
    private static Option<string> ForkOption() => new("--fork") { Description = "Fork rules (Frontier .. Cancun)", DefaultValueFactory = _ => "Cancun" };

    private static Fork ParseFork(string name) =>
        ForkNames.TryParse(name, out var fork) ? fork : throw new ArgumentException($"unknown fork '{name}'");

    private static byte[] ReadCode(string codeOrFile) =>
        Hex.Parse(File.Exists(codeOrFile) ? File.ReadAllText(codeOrFile).Trim() : codeOrFile);

    private static Command RunCommand()
    {
        var code = new Argument<string>("code") { Description = "Bytecode as hex, or a file holding it" };
        var input = new Option<string>("--input") { Description = "Calldata as hex", DefaultValueFactory = _ => "" };
        var gas = GasOption();
        var fork = ForkOption();
        var trace = new Option<bool>("--trace") { Description = "Print the struct log (one JSON object per step) to stderr" };
        var command = new Command("run", "Run bytecode as a contract's code and print the result, gas used and time.");
        command.Arguments.Add(code);
        command.Options.Add(input); command.Options.Add(gas); command.Options.Add(fork); command.Options.Add(trace);
        command.SetAction(parse =>
        {
            var logger = parse.GetValue(trace) ? new StructLogger() : null;
            var runner = new CodeRunner { Fork = ParseFork(parse.GetValue(fork)!), Tracer = logger };
            long gasLimit = parse.GetValue(gas);
            var clock = Stopwatch.StartNew();
            var (result, _) = runner.Run(ReadCode(parse.GetValue(code)!), Hex.Parse(parse.GetValue(input)!), gasLimit);
            clock.Stop();
            if (logger is not null)
                foreach (var step in logger.Logs)
                    Console.Error.WriteLine(JsonSerializer.Serialize(new
                    {
                        pc = step.Pc, op = step.Op, gas = step.Gas, gasCost = step.GasCost, depth = step.Depth,
                        stack = step.Stack?.Select(v => v.ToHexString()), error = step.Error,
                    }));
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                status = result.Reason.ToString(), gasUsed = gasLimit - result.GasLeft, output = Hex.ToHex(result.Output),
                ms = clock.Elapsed.TotalMilliseconds,
            }));
            return result.Success ? 0 : 1;
        });
        return command;
    }

    private static Command BenchCommand()
    {
        var files = new Argument<string[]>("files") { Description = "Workload files (hex bytecode)", Arity = ArgumentArity.OneOrMore };
        var repeat = new Option<int>("--repeat") { Description = "Timed runs per file (after warm-up)", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed runs first, for the JIT to reach its optimised code", DefaultValueFactory = _ => 5 };
        var gas = GasOption();
        var command = new Command("bench", "Time workloads: one JSON line per file with the median milliseconds, gas used and result.");
        command.Arguments.Add(files); command.Options.Add(repeat); command.Options.Add(warmup); command.Options.Add(gas);
        command.SetAction(parse =>
        {
            var runner = new CodeRunner();
            long gasLimit = parse.GetValue(gas);
            int repeats = Math.Max(1, parse.GetValue(repeat));
            foreach (var file in parse.GetValue(files)!)
            {
                var code = ReadCode(file);
                CallResult result = default;
                for (int i = 0; i < parse.GetValue(warmup); i++) (result, _) = runner.Run(code, [], gasLimit); // let the JIT reach its optimised tier
                var times = new double[repeats];
                for (int i = 0; i < repeats; i++)
                {
                    var clock = Stopwatch.StartNew();
                    (result, _) = runner.Run(code, [], gasLimit);
                    times[i] = clock.Elapsed.TotalMilliseconds;
                }
                Array.Sort(times);
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    file = Path.GetFileName(file), medianMs = times[repeats / 2], gasUsed = (gasLimit - result.GasLeft).ToString(),
                    returned = Hex.ToHex(result.Output), status = result.Reason.ToString(),
                }));
            }
            return 0;
        });
        return command;
    }
}
