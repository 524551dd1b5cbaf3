using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.Bytecode;
using Rollup.Evm.Instructions;
using Rollup.Sequencer.Chain;

namespace Rollup.Bench;

/// <summary>The transactions of one proving benchmark and the genesis accounts they need. Only what the batch circuit
/// proves (BatchCircuit.Opcodes): a transfer to an account that does not exist yet has no gadget, so every recipient
/// is in the genesis.</summary>
public sealed record BenchWorkload(string Description, IReadOnlyList<Transaction> Txs, IReadOnlyDictionary<Address, GenesisAccount> Genesis)
{
    private static readonly UInt256 Gwei = 1_000_000_000;

    public static BenchWorkload Of(string kind, int n) => kind switch
    {
        "transfers" => Transfers(n),
        "loop" => Loop(n),
        "opcodes" => Opcodes(n),
        _ => throw new ArgumentException($"unknown workload '{kind}' (transfers, loop, opcodes)"),
    };

    /// <summary><paramref name="n"/> ETH transfers, each to its own recipient (n distinct existing accounts, 1 wei
    /// each in the genesis), sent round-robin by the ten dev accounts (the pool holds at most 64 per sender).</summary>
    public static BenchWorkload Transfers(int n)
    {
        var genesis = new Dictionary<Address, GenesisAccount>();
        var txs = new List<Transaction>();
        var nonces = new ulong[BenchNode.Keys.Count];
        for (int i = 0; i < n; i++)
        {
            var to = Recipient(i);
            genesis[to] = new GenesisAccount(UInt256.One);
            int s = i % BenchNode.Keys.Count;
            txs.Add(Sign(BenchNode.Keys[s], nonces[s]++, to, 1000 + (ulong)i, 21_000));
        }
        return new BenchWorkload($"{n} ETH transfer(s) to {n} distinct existing recipients, from {Math.Min(n, BenchNode.Keys.Count)} sender(s)", txs, genesis);
    }

    /// <summary>One call to a genesis contract that counts down from <paramref name="n"/> to zero:
    /// <c>PUSH n; loop: JUMPDEST PUSH1 1 SWAP1 SUB DUP1 PUSH2 loop JUMPI; STOP</c>, i.e. 7 instructions per iteration.
    /// The set has no LT/ISZERO, so the loop runs while the counter is non-zero (JUMPI on the counter itself).</summary>
    public static BenchWorkload Loop(int n)
    {
        if (n < 1) throw new ArgumentException("the loop needs at least one iteration");
        var code = new BytecodeBuilder()
            .Push((ulong)n)
            .Label("loop").Push(1).Op(Opcode.SWAP1).Op(Opcode.SUB).Op(Opcode.DUP1).JumpIf("loop")
            .Op(Opcode.STOP)
            .Build();
        var contract = Address.Parse("0x0000000000000000000000000000000000001000");
        var genesis = new Dictionary<Address, GenesisAccount> { [contract] = new GenesisAccount(UInt256.Zero, 1, code) };
        // ~26 gas per iteration; the limit leaves room and stays far below the block's 30 M.
        ulong gas = 30_000 + 40 * (ulong)n;
        return new BenchWorkload($"one call running a countdown loop of {n} iterations ({code.Length}-byte contract)",
            [Sign(BenchNode.Keys[0], 0, contract, UInt256.Zero, gas)], genesis);
    }

    /// <summary>One call running each kind of instruction the batch circuit proves, <paramref name="n"/> times: PUSH1,
    /// PUSH32, ADD, DUP1, SWAP1, SUB, POP, JUMP, JUMPDEST, a JUMPI not taken and one taken, then STOP. For the "rows per
    /// opcode" table (every instruction's accesses counted on a real run), not for timing.</summary>
    public static BenchWorkload Opcodes(int n)
    {
        var b = new BytecodeBuilder();
        var max = new byte[32];
        Array.Fill(max, (byte)0xff);
        for (int i = 0; i < n; i++)
        {
            b.Push(1).PushBytes(max).Op(Opcode.ADD)           // 1 + (2^256 - 1) wraps to 0
             .Op(Opcode.DUP1).Op(Opcode.SWAP1).Op(Opcode.SUB).Op(Opcode.POP)
             .Jump($"j{i}").Label($"j{i}")
             .Push(UInt256.Zero, allowPush0: false).JumpIf($"n{i}").Label($"n{i}")   // not taken (PUSH0 has no gadget)
             .Push(1).JumpIf($"t{i}").Label($"t{i}");                                // taken
        }
        var code = b.Op(Opcode.STOP).Build();
        var contract = Address.Parse("0x0000000000000000000000000000000000001001");
        var genesis = new Dictionary<Address, GenesisAccount> { [contract] = new GenesisAccount(UInt256.Zero, 1, code) };
        return new BenchWorkload($"one call running each supported instruction {n} time(s) ({code.Length}-byte contract)",
            [Sign(BenchNode.Keys[0], 0, contract, UInt256.Zero, 30_000 + 100 * (ulong)n)], genesis);
    }

    private static Address Recipient(int i)
    {
        var bytes = new byte[20];
        bytes[0] = 0xbe;
        bytes[16] = (byte)(i >> 24); bytes[17] = (byte)(i >> 16); bytes[18] = (byte)(i >> 8); bytes[19] = (byte)i;
        return new Address(bytes);
    }

    private static Transaction Sign(PrivateKey key, ulong nonce, Address to, UInt256 value, ulong gas) =>
        TransactionSigner.Sign(new Transaction
        {
            Type = TxType.DynamicFee, ChainId = BenchNode.ChainId, Nonce = nonce, MaxFeePerGas = 10 * Gwei,
            MaxPriorityFeePerGas = Gwei, GasLimit = gas, To = to, Value = value, Data = [],
        }, key);
}
