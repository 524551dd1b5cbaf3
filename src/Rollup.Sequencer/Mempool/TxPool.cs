using Rollup.Core.Chain;
using Rollup.Core.Numerics;
using Rollup.Core.Transactions;
using Rollup.Core.Types;
using Rollup.Evm.State;

namespace Rollup.Sequencer.Mempool;

/// <summary>Transactions waiting for a block. Each sender's transactions are kept by nonce: those contiguous from the
/// account's nonce are pending (a block may take them), later ones are queued until the gap fills. Every transaction
/// is validated on entry, journaled before it is acknowledged, replaced only for a real fee bump, and when the pool
/// is full the cheapest transaction that leaves no nonce gap is evicted to make room for a better one.
/// Thread-safe: one lock, held briefly.</summary>
public sealed class TxPool
{
    private readonly object _lock = new();
    private readonly Dictionary<Hash256, PooledTransaction> _byHash = [];
    private readonly Dictionary<Address, SortedList<ulong, PooledTransaction>> _bySender = [];
    private readonly PoolConfig _config;
    private readonly IPoolChain _chain;
    private readonly PoolJournal? _journal;
    private readonly ForkRules _rules;
    private long _arrivals;

    public TxPool(PoolConfig config, IPoolChain chain, ForkRules rules, PoolJournal? journal)
    {
        _config = config;
        _chain = chain;
        _rules = rules;
        _journal = journal;
    }

    /// <summary>Raised after a transaction entered the pool (outside the lock).</summary>
    public event Action<PooledTransaction>? Added;

    public int Count { get { lock (_lock) return _byHash.Count; } }

    /// <summary>Validates, journals and adds a raw transaction; returns its hash.</summary>
    /// <exception cref="PoolException">with geth's message when the transaction is refused.</exception>
    public Hash256 Add(byte[] raw)
    {
        var pooled = Validate(raw, _chain.NextBaseFee);
        lock (_lock)
        {
            if (_byHash.ContainsKey(pooled.Hash)) throw new PoolException("already known");
            var state = _chain.HeadState();
            ulong accountNonce = state.TryGetAccount(pooled.Sender, out var account) ? account.Nonce : 0;
            if (pooled.Nonce < accountNonce)
                throw new PoolException($"nonce too low: next nonce {accountNonce}, tx nonce {pooled.Nonce}");

            _bySender.TryGetValue(pooled.Sender, out var txs);
            PooledTransaction? replaced = null;
            if (txs is not null && txs.TryGetValue(pooled.Nonce, out var old))
            {
                CheckReplacement(old, pooled);
                replaced = old;
            }
            CheckFunds(pooled, account.Balance, txs, replaced);
            if (replaced is null && txs is not null && txs.Count >= _config.MaxPerSender)
                throw new PoolException($"account limit exceeded: pooled {txs.Count} txs");
            if (replaced is null && _byHash.Count >= _config.MaxTransactions) MakeRoom(pooled);

            _journal?.Add(pooled.Hash, pooled.Raw);
            if (replaced is not null) RemoveLocked(replaced, journal: true);
            // (Removing the replaced transaction may have dropped the sender's list.)
            if (!_bySender.TryGetValue(pooled.Sender, out txs)) _bySender[pooled.Sender] = txs = [];
            txs[pooled.Nonce] = pooled;
            _byHash[pooled.Hash] = pooled;
        }
        Added?.Invoke(pooled);
        return pooled.Hash;
    }

    /// <summary>Re-adds journaled transactions after a restart; those no longer valid are dropped from the journal.</summary>
    public int Restore(IEnumerable<byte[]> journaled)
    {
        int restored = 0;
        foreach (var raw in journaled)
        {
            try { Add(raw); restored++; }
            catch (PoolException e) when (e.Message == "already known") { }
            catch (PoolException)
            {
                try { _journal?.Remove(Core.Transactions.TransactionDecoder.Decode(raw).Hash); } catch (TxException) { }
            }
        }
        return restored;
    }

    public bool TryGet(in Hash256 hash, out PooledTransaction tx)
    {
        lock (_lock) return _byHash.TryGetValue(hash, out tx!);
    }

    /// <summary>The nonce the sender's next transaction should carry: the account nonce plus its pending run.</summary>
    public ulong PendingNonce(in Address sender, ulong accountNonce)
    {
        lock (_lock)
        {
            if (!_bySender.TryGetValue(sender, out var txs)) return accountNonce;
            ulong next = accountNonce;
            while (txs.ContainsKey(next)) next++;
            return next;
        }
    }

    /// <summary>Counts of pending (includable now) and queued (behind a nonce gap) transactions.</summary>
    public (int Pending, int Queued) Status(IStateSource head)
    {
        lock (_lock)
        {
            int pending = 0;
            foreach (var (sender, txs) in _bySender) pending += PendingRun(txs, NonceOf(head, sender)).Count;
            return (pending, _byHash.Count - pending);
        }
    }

    /// <summary>A snapshot of the pending transactions for a block at <paramref name="baseFee"/>.</summary>
    public TxSelection Select(IStateSource head, in UInt256 baseFee)
    {
        lock (_lock)
        {
            var runs = _bySender.Select(kv => PendingRun(kv.Value, NonceOf(head, kv.Key))).ToList();
            return new TxSelection(runs, baseFee);
        }
    }

    /// <summary>After a block: drops every transaction whose nonce the sender has now used. Included ones leave the
    /// journal with the block's own write; the others (beaten by a same-nonce transaction) leave it here.</summary>
    public void OnNewHead(IStateSource head, IReadOnlySet<Hash256> included)
    {
        lock (_lock)
        {
            foreach (var (sender, txs) in _bySender.ToList())
            {
                ulong nonce = NonceOf(head, sender);
                while (txs.Count > 0 && txs.Keys[0] < nonce)
                {
                    var tx = txs.Values[0];
                    RemoveLocked(tx, journal: !included.Contains(tx.Hash));
                }
            }
        }
    }

    /// <summary>Drops a transaction that can no longer be included (it failed against the state when a block was built).</summary>
    public void Drop(in Hash256 hash)
    {
        lock (_lock)
        {
            if (_byHash.TryGetValue(hash, out var tx)) RemoveLocked(tx, journal: true);
        }
    }

    public List<PooledTransaction> All()
    {
        lock (_lock) return [.. _byHash.Values];
    }

    // ---- validation ------------------------------------------------------------------------------------------

    /// <summary>Every rule that needs no pool state, in geth's order.</summary>
    private PooledTransaction Validate(byte[] raw, in UInt256 nextBaseFee)
    {
        if (raw.Length > _config.MaxTxSize)
            throw new PoolException($"oversized data: transaction size {raw.Length}, limit {_config.MaxTxSize}");
        Transaction tx;
        try { tx = TransactionDecoder.Decode(raw); }
        catch (TxException e) { throw new PoolException($"rlp: {e.Message}"); }
        if (tx.Type == TxType.Blob || !_rules.Supports(tx.Type))
            throw new PoolException($"transaction type not supported: tx type {(byte)tx.Type} not supported by this pool");
        if (tx.IsContractCreation && tx.Data.Length > _rules.MaxInitCodeSize)
            throw new PoolException($"max initcode size exceeded: code size {tx.Data.Length}, limit {_rules.MaxInitCodeSize}");
        if (tx.GasLimit > _chain.BlockGasLimit) throw new PoolException("exceeds block gas limit");
        if (tx.MaxPriorityFeePerGas > tx.MaxFeePerGas) throw new PoolException("max priority fee per gas higher than max fee per gas");
        if (tx.Type == TxType.Legacy && tx.ChainId is null)
            throw new PoolException("only replay-protected (EIP-155) transactions allowed over RPC");

        Address sender;
        try { sender = TransactionValidator.ValidateSignature(tx, _rules, _chain.ChainId); }
        catch (TxException e) when (e.Error == TxError.InvalidChainId)
        {
            throw new PoolException($"invalid sender: invalid chain id for signer: have {tx.ChainId?.ToString() ?? "none"} want {_chain.ChainId}");
        }
        catch (TxException e) { throw new PoolException($"invalid sender: {e.Message}"); }
        try { TransactionValidator.CheckNonceLimit(tx); TransactionValidator.CheckGasPriceProduct(tx); }
        catch (TxException e) { throw new PoolException(e.Message); }

        ulong intrinsic = IntrinsicGas.Calculate(tx, _rules);
        if (tx.GasLimit < intrinsic) throw new PoolException($"intrinsic gas too low: gas {tx.GasLimit}, minimum needed {intrinsic}");
        if (tx.MaxPriorityFeePerGas < _config.MinTip)
            throw new PoolException($"transaction underpriced: gas tip cap {tx.MaxPriorityFeePerGas}, minimum needed {_config.MinTip}");
        var minFeeCap = _config.MinFeeCap > nextBaseFee ? _config.MinFeeCap : nextBaseFee;
        if (tx.MaxFeePerGas < minFeeCap)
            throw new PoolException($"transaction underpriced: gas fee cap {tx.MaxFeePerGas}, minimum needed {minFeeCap}");
        return new PooledTransaction(tx, sender, raw, Interlocked.Increment(ref _arrivals));
    }

    /// <summary>geth's rule: both the fee cap and the tip must rise by the price bump.</summary>
    private void CheckReplacement(PooledTransaction old, PooledTransaction replacement)
    {
        var percent = new UInt256((ulong)(100 + _config.PriceBumpPercent));
        var feeCapNeeded = old.Tx.MaxFeePerGas * percent / 100;
        var tipNeeded = old.Tx.MaxPriorityFeePerGas * percent / 100;
        if (replacement.Tx.MaxFeePerGas <= old.Tx.MaxFeePerGas || replacement.Tx.MaxPriorityFeePerGas <= old.Tx.MaxPriorityFeePerGas
            || replacement.Tx.MaxFeePerGas < feeCapNeeded || replacement.Tx.MaxPriorityFeePerGas < tipNeeded)
            throw new PoolException("replacement transaction underpriced");
    }

    /// <summary>The balance must cover this transaction and every other one of the sender's already pooled (with the
    /// replaced one's cost taken out), so that accepted transactions cannot overdraw the account.</summary>
    private static void CheckFunds(PooledTransaction tx, in UInt256 balance, SortedList<ulong, PooledTransaction>? txs, PooledTransaction? replaced)
    {
        var cost = tx.Cost;
        if (balance < cost)
            throw new PoolException($"insufficient funds for gas * price + value: balance {balance}, tx cost {cost}, overshot {cost - balance}");
        var spent = UInt256.Zero;
        if (txs is not null)
            foreach (var other in txs.Values)
                if (!ReferenceEquals(other, replaced)) spent += other.Cost;
        if (balance < spent + cost)
            throw new PoolException($"insufficient funds for gas * price + value: balance {balance}, queued cost {spent}, tx cost {cost}, overshot {spent + cost - balance}");
    }

    /// <summary>Evicts the cheapest transaction that is last in its sender's nonce order (evicting it leaves no gap),
    /// if the newcomer pays more; otherwise refuses the newcomer.</summary>
    private void MakeRoom(PooledTransaction newcomer)
    {
        var baseFee = _chain.NextBaseFee;
        PooledTransaction? cheapest = null;
        foreach (var txs in _bySender.Values)
        {
            var last = txs.Values[^1];
            if (cheapest is null || Cheaper(last, cheapest, baseFee)) cheapest = last;
        }
        if (cheapest is null || !Cheaper(cheapest, newcomer, baseFee)) throw new PoolException("transaction underpriced: txpool is full");
        RemoveLocked(cheapest, journal: true);
    }

    private static bool Cheaper(PooledTransaction a, PooledTransaction b, in UInt256 baseFee)
    {
        int byTip = a.EffectiveTip(baseFee).CompareTo(b.EffectiveTip(baseFee));
        return byTip != 0 ? byTip < 0 : a.Tx.MaxFeePerGas < b.Tx.MaxFeePerGas;
    }

    private void RemoveLocked(PooledTransaction tx, bool journal)
    {
        _byHash.Remove(tx.Hash);
        if (_bySender.TryGetValue(tx.Sender, out var txs) && txs.TryGetValue(tx.Nonce, out var held) && ReferenceEquals(held, tx))
        {
            txs.Remove(tx.Nonce);
            if (txs.Count == 0) _bySender.Remove(tx.Sender);
        }
        if (journal) _journal?.Remove(tx.Hash);
    }

    private static List<PooledTransaction> PendingRun(SortedList<ulong, PooledTransaction> txs, ulong accountNonce)
    {
        var run = new List<PooledTransaction>();
        for (ulong n = accountNonce; txs.TryGetValue(n, out var tx); n++) run.Add(tx);
        return run;
    }

    private static ulong NonceOf(IStateSource state, in Address address) => state.TryGetAccount(address, out var a) ? a.Nonce : 0;
}
