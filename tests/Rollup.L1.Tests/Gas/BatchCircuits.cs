using Rollup.Circuits;
using Rollup.Proving;

namespace Rollup.L1.Tests.Gas;

/// <summary>The batch circuits whose verifiers have to fit on L1: the deployed one (<see cref="BatchCircuit"/>, every
/// gadget on 2^12 rows) with and without the state transition.</summary>
public static class BatchCircuits
{
    public sealed record Case(string Name, SuperCircuit Circuit, int K);

    public static Case Batch() => new("batch circuit, every gadget", new BatchCircuit(BatchCircuit.DefaultK).Circuit, BatchCircuit.DefaultK);

    public static Case BatchWithTransition() =>
        new("batch circuit + state transition", new BatchCircuit(BatchCircuit.MinimumTransitionK + 1, stateTransition: true).Circuit,
            BatchCircuit.MinimumTransitionK + 1);
}
