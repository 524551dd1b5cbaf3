using Rollup.Circuits.Evm;
using Rollup.Circuits.Evm.Gadgets;
using Rollup.Crypto.Bn254.Fields;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests;

/// <summary>The lookup lanes follow the gadgets a circuit has: none without a lane user, one lane (16 cells a step) for
/// the error states' opcode-property lookups, four for the bitwise gadget's 64 nibbles; and every gadget together fits
/// the batch circuit's 2^12 rows at the circuit's degree 4.</summary>
public class LookupLanesTests(ITestOutputHelper output)
{
    private static SuperWitness Empty => new([], new Dictionary<Fr, byte[]>());

    private static int LaneColumns(SuperCircuit c) => c.System.AdviceColumns.Count(col => col.Name.StartsWith("evm_lane_"));

    [Fact]
    public void A_circuit_without_lane_users_has_no_lanes_and_no_tagged_table()
    {
        var c = new SuperCircuit([new PaddingGadget(), new StopGadget(), new PushGadget(), new AddSubGadget(isSub: false)]);
        Assert.False(c.Evm.Config.Lanes.InUse);
        Assert.Equal(0, LaneColumns(c));
        Assert.DoesNotContain(c.System.FixedColumns, col => col.Name.StartsWith("tagged_"));
    }

    [Fact]
    public void Gadgets_with_a_few_lane_cells_share_one_lane()
    {
        // The error states take at most two lane cells a step (static gas, stack bounds); the shift one.
        var c = new SuperCircuit(GadgetRegistry.Covering([0x01, 0x1c]));
        Assert.Contains(c.Evm.Gadgets, g => g is ErrorOutOfGasStaticGadget);
        Assert.Equal(1, c.Evm.Config.Lanes.Count);
        Assert.Equal(4, LaneColumns(c)); // tag, x, y, z
        Assert.DoesNotContain(c.System.Lookups, l => l.Name.Contains("evm lanes 1"));
    }

    [Fact]
    public void The_bitwise_gadget_takes_four_lanes_in_two_lookups_of_degree_4()
    {
        var c = new SuperCircuit(GadgetRegistry.Covering([0x16]));
        Assert.Equal(64 / EvmCircuitConfig.Height, c.Evm.Config.Lanes.Count);
        var laneLookups = c.System.Lookups.Where(l => l.Name.StartsWith("evm lanes")).ToList();
        Assert.Equal(2, laneLookups.Count);
        Assert.All(laneLookups, l => Assert.Equal(2, l.Inputs.Count));
        Assert.All(laneLookups, l => Assert.Equal(4, l.Degree));
    }

    [Fact]
    public void Every_gadget_fits_2_to_the_12_rows_at_degree_4()
    {
        var c = new SuperCircuit(GadgetRegistry.All());
        int k = c.MinimumK(Empty);
        output.WriteLine($"every gadget: 2^{k} rows at least (tagged table {c.Evm.Config.Lanes.Table!.RowCount} rows), " +
            $"{c.System.AdviceColumns.Count} advice, {c.System.FixedColumns.Count} fixed columns, {c.System.Lookups.Count} lookups, " +
            $"{c.System.Gates.Sum(g => g.Polynomials.Count)} gate polynomials, degree {c.System.Degree}");
        Assert.True(k <= 12, $"the full gadget set needs 2^{k} rows");
        Assert.Equal(4, c.System.Degree);
        Assert.Equal(4, c.Evm.Config.Lanes.Count);
    }
}
