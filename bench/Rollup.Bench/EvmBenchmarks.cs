using BenchmarkDotNet.Attributes;
using Rollup.Core.Chain;
using Rollup.Core.Crypto;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Execution;
using Rollup.Evm.State;

namespace Rollup.Bench;

/// <summary>The shared EVM throughput workloads (../shared/bench/evm; gas, results and peer timings in its README),
/// each run as a contract's code with a 1,000,000,000 gas limit, the result checked before timing.</summary>
[MemoryDiagnoser]
public class EvmWorkloadBenchmarks
{
    private byte[] _code = [];
    private readonly CodeRunner _runner = new();

    [Params("a_arith_loop", "b_keccak_loop", "c_sstore_sload_loop", "d_memory_loop")]
    public string Workload { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _code = Hex.Parse(File.ReadAllText(WorkloadFile(Workload)).Trim());
        var (result, _) = _runner.Run(_code, [], 1_000_000_000);
        long gasUsed = 1_000_000_000 - result.GasLeft;
        long expected = Workload switch
        {
            "a_arith_loop" => 46_000_023, "b_keccak_loop" => 7_400_014, "c_sstore_sload_loop" => 222_460_023, _ => 64_005_140,
        };
        if (!result.Success || gasUsed != expected) throw new InvalidOperationException($"{Workload}: {result.Reason}, gas {gasUsed} != {expected}");
    }

    [Benchmark]
    public long Run() => _runner.Run(_code, [], 1_000_000_000).Result.GasLeft;

    internal static string WorkloadFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "..", "shared", "bench", "evm", name + ".hex");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"../shared/bench/evm/{name}.hex not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>ERC-20 transfers through the whole transaction processor (validation against state, gas purchase,
/// execution, refunds, fees): 1,000 signed transfers per operation, senders recovered beforehand.</summary>
[MemoryDiagnoser]
public class Erc20TransferBenchmarks
{
    private const int Transfers = 1_000;
    private static readonly ForkRules Rules = ForkRules.For(Fork.Cancun);
    private readonly BlockEnvironment _block = new() { Number = 1, Timestamp = 1, GasLimit = 1_000_000_000, BaseFee = 7, ChainId = 1 };
    private readonly PrivateKey _key = PrivateKey.Parse("0x" + string.Concat(Enumerable.Repeat("b2", 32)));
    private readonly Address _token = Address.Parse("0x000000000000000000000000000000000000e20a");
    private Transaction[] _txs = [];

    [GlobalSetup]
    public void Setup()
    {
        _txs = new Transaction[Transfers];
        for (int i = 0; i < Transfers; i++)
        {
            var to = new Address(Keccak256.Hash(BitConverter.GetBytes(i)).Bytes[12..]);
            _txs[i] = TransactionSigner.Sign(new Transaction
            {
                Type = TxType.DynamicFee, ChainId = 1, Nonce = (ulong)i, MaxPriorityFeePerGas = 1, MaxFeePerGas = 100,
                GasLimit = 100_000, To = _token, Data = SampleContracts.TransferCall(to, 1),
            }, _key);
        }
        if (TransferAll() != Transfers) throw new InvalidOperationException("not every transfer succeeded");
    }

    [Benchmark(OperationsPerInvoke = Transfers)]
    public int TransferAll()
    {
        var source = new InMemoryStateSource();
        source.SetAccount(_key.Address, 0, UInt256.Parse("1000000000000000000000"), []);
        source.SetAccount(_token, 1, UInt256.Zero, SampleContracts.Token(), [new(SampleContracts.BalanceSlot(_key.Address), new UInt256(1_000_000))]);
        var state = new JournaledState(source);
        var processor = new TransactionProcessor(Rules, _block);
        int ok = 0;
        ulong gasLeft = _block.GasLimit;
        foreach (var tx in _txs)
        {
            var result = processor.Execute(tx, _key.Address, state, gasLeft);
            gasLeft -= result.GasUsed;
            if (result.Success) ok++;
        }
        return ok;
    }
}
