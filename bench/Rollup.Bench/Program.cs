using BenchmarkDotNet.Running;

namespace Rollup.Bench;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Contains("--bn254-quick")) { Bn254QuickTimer.Run(); return; }
        if (args.Contains("--poseidon-quick")) { PoseidonQuickTimer.Run(); return; }
        if (args.Length > 0 && args[0] == "--keccak-quick") { KeccakQuickTimer.Run(args.Length > 1 ? int.Parse(args[1]) : 200); return; }
        if (args.Length > 0 && args[0] == "timer") { BestOfTimer.Run(args[1..]); return; }
        // Per-operation latency chains for the field, tower and pairing code (see Micro.cs).
        if (args.Length > 0 && args[0] == "--bn254-micro") { Micro.Run(args[1..]); return; }
        if (args.Contains("--state-quick")) { StateQuickTimer.Run(args.Contains("--sequential")); return; }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
