using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.L1.Abi;
using Rollup.L1.Rpc;
using Rollup.L1.Sending;

namespace Rollup.L1.Contracts;

/// <summary>A deployed contract addressed through its compiled ABI: calls, transactions and logs by name, with
/// every revert turned into a <see cref="ContractRevertedException"/> naming the custom error.</summary>
public sealed class ContractClient(EthClient client, Address address, CompiledContract contract)
{
    public EthClient Client { get; } = client;
    public Address Address { get; } = address;
    public CompiledContract Contract { get; } = contract;
    public ContractAbi Abi => Contract.Abi;

    /// <summary>Deploys <paramref name="contract"/> and returns a client for it.</summary>
    public static async Task<(ContractClient Contract, TransactionReceipt Receipt)> DeployAsync(TransactionSender sender,
        CompiledContract contract, object?[] constructorArgs, CancellationToken cancel = default)
    {
        TransactionReceipt receipt;
        try
        {
            receipt = await sender.SendAsync(null, contract.DeploymentData(constructorArgs), cancel: cancel).ConfigureAwait(false);
        }
        catch (ExecutionRevertedException e) when (e is not ContractRevertedException)
        {
            throw new ContractRevertedException(contract.Name, "constructor", contract.Abi.DecodeRevert(e.RevertData), (e as TransactionFailedException)?.Receipt);
        }
        var address = receipt.ContractAddress ?? throw new L1Exception($"deploying {contract.Name}: the receipt of {receipt.TransactionHash} has no contract address");
        return (new ContractClient(sender.Client, address, contract), receipt);
    }

    /// <summary>eth_call of a function; returns its decoded outputs.</summary>
    public async Task<object?[]> CallAsync(string function, object?[] args, string block = "latest", Address? from = null,
        CancellationToken cancel = default)
    {
        var f = Abi.Function(function);
        try
        {
            var output = await Client.CallAsync(new CallRequest { From = from, To = Address, Data = f.EncodeCall(args) }, block, cancel).ConfigureAwait(false);
            if (output.Length == 0 && f.Outputs.Count > 0)
                throw new L1Exception($"{Contract.Name}.{function} returned nothing: is there a {Contract.Name} at {Address} on this chain?");
            return f.DecodeOutput(output);
        }
        catch (ExecutionRevertedException e) when (e is not ContractRevertedException)
        {
            throw new ContractRevertedException(Contract.Name, function, Abi.DecodeRevert(e.RevertData), null);
        }
    }

    /// <summary>The single output of a view function.</summary>
    public async Task<T> CallSingleAsync<T>(string function, params object?[] args) => (T)(await CallAsync(function, args).ConfigureAwait(false))[0]!;

    /// <summary>Sends a transaction calling <paramref name="function"/> and waits for it to be mined. With an explicit
    /// <paramref name="gasLimit"/> there is no gas estimate, so a doomed transaction is sent and fails on chain.</summary>
    public async Task<TransactionReceipt> SendAsync(TransactionSender sender, string function, object?[] args, UInt256 value = default,
        ulong? gasLimit = null, CancellationToken cancel = default)
    {
        var f = Abi.Function(function);
        try
        {
            return await sender.SendAsync(Address, f.EncodeCall(args), value, gasLimit, cancel).ConfigureAwait(false);
        }
        catch (ExecutionRevertedException e) when (e is not ContractRevertedException)
        {
            throw new ContractRevertedException(Contract.Name, function, Abi.DecodeRevert(e.RevertData), (e as TransactionFailedException)?.Receipt);
        }
    }

    /// <summary>This contract's events in a receipt, decoded, in log order.</summary>
    public IReadOnlyList<DecodedEvent> DecodeLogs(TransactionReceipt receipt) => DecodeLogs(receipt.Logs);

    public IReadOnlyList<DecodedEvent> DecodeLogs(IEnumerable<RpcLog> logs)
    {
        var decoded = new List<DecodedEvent>();
        foreach (var log in logs)
        {
            if (log.Address != Address) continue;
            var e = Abi.Events.FirstOrDefault(ev => ev.Matches(log.Topics));
            if (e is not null) decoded.Add(e.Decode(log.Topics, log.Data));
        }
        return decoded;
    }

    /// <summary>eth_getLogs for one of this contract's events, optionally restricted by its indexed inputs (one
    /// entry per indexed input, null for any), decoded.</summary>
    public async Task<IReadOnlyList<(RpcLog Log, DecodedEvent Event)>> GetEventsAsync(string eventName, ulong? fromBlock = null,
        ulong? toBlock = null, IReadOnlyList<Hash256?>? indexed = null, CancellationToken cancel = default)
    {
        var e = Abi.Event(eventName);
        var topics = new List<IReadOnlyList<Hash256>?> { new[] { e.Topic0 } };
        foreach (var value in indexed ?? []) topics.Add(value is { } v ? new[] { v } : null);
        var logs = await Client.GetLogsAsync(new LogFilter { Address = Address, Topics = topics, FromBlock = fromBlock, ToBlock = toBlock }, cancel)
            .ConfigureAwait(false);
        return logs.Select(log => (log, e.Decode(log.Topics, log.Data))).ToArray();
    }
}
