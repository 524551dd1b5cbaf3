using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.L1.Abi;
using Rollup.L1.Rpc;

namespace Rollup.L1;

/// <summary>Everything that goes wrong talking to L1 is one of these, with a message meant for the operator, so a
/// command can print <see cref="Exception.Message"/> and stop.</summary>
public class L1Exception(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The node could not be reached at all (refused, unknown host, timeout, not JSON-RPC).</summary>
public sealed class L1ConnectionException(string url, string reason, Exception? inner = null)
    : L1Exception($"cannot reach the L1 node at {url}: {reason}", inner)
{
    public string Url { get; } = url;
}

/// <summary>The node answered a request with a JSON-RPC error object.</summary>
public class JsonRpcException(string method, long code, string nodeMessage, string? data)
    : L1Exception($"{method} failed: {nodeMessage} (JSON-RPC error {code})")
{
    public string Method { get; } = method;
    public long Code { get; } = code;
    public string NodeMessage { get; } = nodeMessage;
    /// <summary>The error's "data" member as raw JSON text, if any.</summary>
    public string? ErrorData { get; } = data;
    /// <summary>-32601: the node does not implement the method.</summary>
    public bool IsMethodNotFound => Code == -32601;
}

/// <summary>A call or gas estimate hit REVERT. <see cref="RevertData"/> is what the contract returned; a layer that
/// knows the contract's ABI turns it into a <see cref="ContractRevertedException"/>.</summary>
public class ExecutionRevertedException(string message, byte[] revertData) : L1Exception(message)
{
    public byte[] RevertData { get; } = revertData;
}

/// <summary>A contract rejected a call or a transaction, with the custom error decoded from its ABI.</summary>
public sealed class ContractRevertedException : ExecutionRevertedException
{
    public string Contract { get; }
    public string Function { get; }
    public DecodedRevert Revert { get; }
    /// <summary>Set when the transaction was mined and failed; null when it was refused before sending (the gas
    /// estimate or the call reverted).</summary>
    public TransactionReceipt? Receipt { get; }

    /// <summary>The custom error's name (e.g. "NotSequencer"), or null if the revert data matched no known error.</summary>
    public string? ErrorName => Revert.Name;

    public ContractRevertedException(string contract, string function, DecodedRevert revert, TransactionReceipt? receipt)
        : base(Describe(contract, function, revert, receipt), revert.Data)
    {
        Contract = contract;
        Function = function;
        Revert = revert;
        Receipt = receipt;
    }

    private static string Describe(string contract, string function, DecodedRevert revert, TransactionReceipt? receipt) =>
        receipt is null
            ? $"{contract}.{function} reverted: {revert}"
            : $"{contract}.{function} was mined in block {receipt.BlockNumber} but reverted: {revert} (transaction {receipt.TransactionHash})";
}

/// <summary>A transaction was mined with status 0. <see cref="RevertData"/> comes from replaying it as a call on the
/// state before its block, which is what it saw unless an earlier transaction in the same block changed things.</summary>
public sealed class TransactionFailedException(TransactionReceipt receipt, byte[] revertData)
    : ExecutionRevertedException($"transaction {receipt.TransactionHash} was mined in block {receipt.BlockNumber} but reverted" +
        (revertData.Length > 0 ? $" (revert data {Hex.ToHex(revertData)})" : ""), revertData)
{
    public TransactionReceipt Receipt { get; } = receipt;
}

/// <summary>The sending account cannot pay for the transaction: usually the wrong key, or an unfunded one.</summary>
public sealed class InsufficientFundsException(Address account, UInt256 balance, UInt256 needed, ulong chainId, string detail)
    : L1Exception($"account {account} has {Units.FormatEther(balance)} ETH on chain {chainId} but this transaction needs up to " +
        $"{Units.FormatEther(needed)} ETH ({detail}); fund the account or use another key")
{
    public Address Account { get; } = account;
    public UInt256 Balance { get; } = balance;
    public UInt256 Needed { get; } = needed;
}
