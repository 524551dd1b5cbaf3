using Rollup.Circuits.Tests.Support;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests.Gadgets;

/// <summary>For every executed step of the framework program, each cell its gadget owns is changed in turn; the
/// checker must name a failing constraint every time (see <see cref="MutationHarness"/>).</summary>
public class FrameworkGadgetTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_owned_cell_mutation_is_caught()
    {
        var b = EvmTestbed.Build(EvmCircuitTests.Program(5, 7));
        MutationHarness.MutateOwnedCells(b).AssertAllCaught(output);
    }
}
