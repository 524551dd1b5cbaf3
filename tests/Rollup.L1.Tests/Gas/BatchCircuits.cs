using Rollup.Circuits;
using Rollup.Circuits.Evm;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Proving;

namespace Rollup.L1.Tests.Gas;

/// <summary>The batch circuits whose verifiers have to fit on L1: the deployed (reduced) gadget set with and without the
/// state transition (<see cref="BatchCircuit"/>), and every gadget (<see cref="GadgetRegistry.All"/>) with and without
/// it — what the batch circuit becomes once it carries the full EVM.</summary>
public static class BatchCircuits
{
    public sealed record Case(string Name, SuperCircuit Circuit, int K);

    public static Case Reduced() => new("reduced gadget set", new BatchCircuit(BatchCircuit.DefaultK).Circuit, BatchCircuit.DefaultK);

    public static Case ReducedWithTransition() =>
        new("reduced gadget set + state transition", new BatchCircuit(BatchCircuit.MinimumTransitionK + 1, stateTransition: true).Circuit,
            BatchCircuit.MinimumTransitionK + 1);

    public static Case Full() => From("full gadget set", new SuperCircuit(GadgetRegistry.All()));

    /// <summary>Every gadget and the state transition, on the smallest k that holds both.</summary>
    public static Case FullWithTransition()
    {
        int k = Math.Max(Full().K, BatchCircuit.MinimumTransitionK + 1);
        return new("full gadget set + state transition", new SuperCircuit(GadgetRegistry.All(), BatchCircuit.TransitionCapacity(k)), k);
    }

    private static Case From(string name, SuperCircuit circuit) =>
        new(name, circuit, circuit.MinimumK(new SuperWitness([], new Dictionary<Fr, byte[]>())));
}
