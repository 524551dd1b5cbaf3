namespace Rollup.Sequencer.Mempool;

/// <summary>The pool refused a transaction. The message is geth's wording (prefix and details), because wallets and
/// libraries match on it: "nonce too low", "insufficient funds for gas * price + value", "transaction underpriced",
/// "replacement transaction underpriced", "oversized data", "already known", ...</summary>
public sealed class PoolException(string message) : Exception(message);
