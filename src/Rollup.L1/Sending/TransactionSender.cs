using Rollup.Core.Crypto;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.L1.Rpc;

namespace Rollup.L1.Sending;

/// <summary>Sends EIP-1559 transactions from one key: estimates gas (a revert shows up here, before anything is
/// spent), checks the account can pay, picks the nonce, signs with our <see cref="TransactionSigner"/>, sends the raw
/// bytes and waits for the receipt. One sender serialises its own sends so nonces never collide.</summary>
public sealed class TransactionSender
{
    private readonly SemaphoreSlim _nonceLock = new(1, 1);

    public EthClient Client { get; }
    public PrivateKey Key { get; }
    public ulong ChainId { get; }
    public Address Address => Key.Address;
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromMinutes(3);
    /// <summary>Gas estimates are multiplied by this: state may change between estimate and inclusion.</summary>
    public double GasMargin { get; init; } = 1.2;

    public TransactionSender(EthClient client, PrivateKey key, ulong chainId)
    {
        Client = client;
        Key = key;
        ChainId = chainId;
    }

    /// <summary>A sender for the chain the node says it serves.</summary>
    public static async Task<TransactionSender> CreateAsync(EthClient client, PrivateKey key, CancellationToken cancel = default) =>
        new(client, key, await client.GetChainIdAsync(cancel).ConfigureAwait(false));

    /// <summary>Sends and waits for the receipt. A transaction that would revert throws
    /// <see cref="ExecutionRevertedException"/> without being sent; one that is mined and fails throws
    /// <see cref="TransactionFailedException"/>.</summary>
    /// <param name="to">The recipient; null deploys <paramref name="data"/> as creation code.</param>
    public async Task<TransactionReceipt> SendAsync(Address? to, byte[] data, UInt256 value = default, ulong? gasLimit = null,
        CancellationToken cancel = default)
    {
        var call = new CallRequest { From = Address, To = to, Data = data, Value = value };
        var balance = await Client.GetBalanceAsync(Address, cancel: cancel).ConfigureAwait(false);
        if (balance < value) throw new InsufficientFundsException(Address, balance, value, ChainId, $"value {value} wei");

        ulong gas = gasLimit ?? (ulong)Math.Ceiling(await Client.EstimateGasAsync(call, cancel).ConfigureAwait(false) * GasMargin);
        var fees = await Fees.EstimateAsync(Client, cancel).ConfigureAwait(false);
        var needed = fees.MaxFeePerGas * gas + value;
        if (balance < needed)
            throw new InsufficientFundsException(Address, balance, needed, ChainId, $"gas {gas} × max fee {fees.MaxFeePerGas} wei + value {value} wei");

        Hash256 hash;
        await _nonceLock.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            ulong nonce = await Client.GetTransactionCountAsync(Address, "pending", cancel).ConfigureAwait(false);
            var signed = TransactionSigner.Sign(new Transaction
            {
                Type = TxType.DynamicFee,
                ChainId = ChainId,
                Nonce = nonce,
                MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
                MaxFeePerGas = fees.MaxFeePerGas,
                GasLimit = gas,
                To = to,
                Value = value,
                Data = data,
            }, Key);
            hash = await Client.SendRawTransactionAsync(TransactionEncoder.Encode(signed), cancel).ConfigureAwait(false);
        }
        finally
        {
            _nonceLock.Release();
        }

        var receipt = await Client.WaitForReceiptAsync(hash, ReceiptTimeout, cancel).ConfigureAwait(false);
        if (!receipt.Succeeded) throw new TransactionFailedException(receipt, await ReplayAsync(call, receipt, cancel).ConfigureAwait(false));
        return receipt;
    }

    /// <summary>The revert data of a failed transaction, by running it again as a call on the state before its block.</summary>
    private async Task<byte[]> ReplayAsync(CallRequest call, TransactionReceipt receipt, CancellationToken cancel)
    {
        try
        {
            await Client.CallAsync(call, Quantity.Of(receipt.BlockNumber - 1), cancel).ConfigureAwait(false);
            return []; // the replay succeeded: the failure depended on something earlier in the same block
        }
        catch (ExecutionRevertedException e)
        {
            return e.RevertData;
        }
        catch (JsonRpcException)
        {
            return []; // the node keeps no state that old
        }
    }
}
