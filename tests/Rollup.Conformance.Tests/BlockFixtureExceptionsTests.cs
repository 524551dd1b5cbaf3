using Rollup.Conformance.Suites;
using Rollup.Core.Blocks;
using Rollup.Core.Transactions;

namespace Rollup.Conformance.Tests;

public class BlockFixtureExceptionsTests
{
    private static readonly BlockException GasLimit = new(BlockError.InvalidGasLimit, "x");
    private static readonly BlockException NonceTooLow = new(new TxException(TxError.NonceTooLow, "x"), 0);

    [Fact]
    public void Block_names_match_their_rule_only()
    {
        Assert.True(BlockFixtureExceptions.Matches("BlockException.INVALID_GASLIMIT", GasLimit));
        Assert.False(BlockFixtureExceptions.Matches("BlockException.GASLIMIT_TOO_BIG", GasLimit));
        Assert.False(BlockFixtureExceptions.Matches("BlockException.NO_SUCH_NAME", GasLimit));
    }

    [Fact]
    public void Transaction_names_match_the_transaction_a_block_was_rejected_for()
    {
        Assert.True(BlockFixtureExceptions.Matches("TransactionException.NONCE_MISMATCH_TOO_LOW", NonceTooLow));
        Assert.False(BlockFixtureExceptions.Matches("TransactionException.NONCE_MISMATCH_TOO_HIGH", NonceTooLow));
        Assert.False(BlockFixtureExceptions.Matches("TransactionException.NONCE_MISMATCH_TOO_LOW", GasLimit));
    }

    [Fact]
    public void Any_of_several_alternatives_may_match() =>
        Assert.True(BlockFixtureExceptions.Matches("BlockException.RLP_STRUCTURES_ENCODING|TransactionException.NONCE_MISMATCH_TOO_LOW", NonceTooLow));
}
