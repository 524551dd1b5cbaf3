using Rollup.Circuits.Evm;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Checking;
using Xunit.Abstractions;

namespace Rollup.Circuits.Tests;

/// <summary>For every executed step, each cell its gadget owns — its generic and byte cells, its read/write slots, its
/// flag and its step state — is changed in turn; the checker must name a failing constraint every time. The first
/// step's state is not bound yet (the begin-transaction gadget will bind it), so its step-state cells are skipped.</summary>
public class GadgetMutationTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_owned_cell_mutation_is_caught()
    {
        var b = EvmCircuitTests.BuildProgram();
        var a = b.Assignment;
        var config = b.Evm.Config;
        var checker = new ConstraintChecker { MaxFailures = 1 };
        var report = new SortedDictionary<string, (int Tried, int Caught)>();
        var missed = new List<string>();

        for (int s = 0; s < b.Steps.Count; s++)
        {
            var step = b.Steps[s];
            int row = s * EvmCircuitConfig.Height;
            var builder = b.Evm.BuilderOf(step.State);
            var cells = builder.OwnedCells.Select(c => (c.Column, c.Rotation, c.Name)).ToList();
            foreach (var slot in builder.Slots)
                cells.AddRange(slot.Cells.Select(c => (c.Column, c.Rotation, $"slot {slot.Index} {c.Column.Name}")));
            int flag = (int)step.State;
            cells.Add((config.Flags[flag / EvmCircuitConfig.Height], flag % EvmCircuitConfig.Height, "flag"));
            if (s > 0)
                foreach (var field in Enum.GetValues<StepField>())
                    cells.Add((config.Step, (int)field, field.ToString()));

            foreach (var (column, rotation, name) in cells)
            {
                var original = a[column, row + rotation];
                a[column, row + rotation] = original + Fr.One;
                bool caught = checker.Check(a).Count > 0;
                a[column, row + rotation] = original;
                var key = step.State.ToString();
                var (tried, got) = report.GetValueOrDefault(key);
                report[key] = (tried + 1, got + (caught ? 1 : 0));
                if (!caught) missed.Add($"step {s} ({step.State}) {name}");
            }
        }
        foreach (var (gadget, (tried, caught)) in report) output.WriteLine($"{gadget,-10} {caught}/{tried} mutations caught");
        Assert.True(missed.Count == 0, "uncaught: " + string.Join("; ", missed));
    }
}
