using Rollup.Conformance.Suites;
using Rollup.Core.Transactions;

namespace Rollup.Conformance.Tests;

public class TransactionSuiteTests
{
    [Fact]
    public void Every_transaction_fixture_passes_for_every_fork()
    {
        var results = new ConformanceRunner().Run(FixturePaths.EthTests("TransactionTests"));
        Assert.True(results.Failed == 0, ConformanceReport.Render(results));
        Assert.Equal(0, results.Skipped);
        Assert.True(results.Passed > 2000, $"only {results.Passed} cases ran");
    }

    [Theory]
    [InlineData("TransactionException.NONCE_OVERFLOW", TxError.NonceOverflow, true)]
    [InlineData("TransactionException.NONCE_OVERFLOW", TxError.NonceTooBig, false)]
    [InlineData("TransactionException.INSUFFICIENT_ACCOUNT_FUNDS|TransactionException.INTRINSIC_GAS_TOO_LOW", TxError.IntrinsicGasTooLow, true)]
    [InlineData("TransactionException.SOMETHING_NEW", TxError.MalformedRlp, false)]
    public void An_expected_exception_matches_only_its_own_rule(string expected, TxError actual, bool matches) =>
        Assert.Equal(matches, FixtureExceptions.Matches(expected, new TxException(actual, "test")));

    [Fact]
    public void Field_specific_fixture_names_need_the_same_field()
    {
        var leadingZerosInR = new TxException(TxError.LeadingZeros, "test", TxField.R);
        Assert.True(FixtureExceptions.Matches("TransactionException.RLP_LEADING_ZEROS_R", leadingZerosInR));
        Assert.False(FixtureExceptions.Matches("TransactionException.RLP_LEADING_ZEROS_S", leadingZerosInR));
    }
}
