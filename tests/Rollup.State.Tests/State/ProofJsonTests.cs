using System.Text.Json.Nodes;
using Rollup.Core.Numerics;
using Rollup.State.Proofs;
using Rollup.State.Store;
using Rollup.State.Tests.Support;

namespace Rollup.State.Tests.State;

public class ProofJsonTests
{
    [Fact]
    public void ProofsSurviveTheirJsonAndStillVerify()
    {
        using var dir = new TempDirectory();
        using var store = StateStore.Open(dir.Path);
        var universe = new RandomChanges(12);
        var expected = new Evm.State.InMemoryStateSource();
        var state = store.At(StateRoot.Empty);
        for (int block = 0; block < 2; block++)
        {
            var changes = universe.Next(expected);
            expected.Apply(changes);
            state.Commit(changes);
        }
        foreach (var address in universe.Addresses.Take(12))
        {
            AccountProof proof = state.GetProof(address, universe.Slots);
            JsonObject json = AccountProofJson.ToJson(proof);
            AccountProof back = AccountProofJson.FromJson(JsonNode.Parse(json.ToJsonString())!);
            Assert.True(StateProofs.Verify(state.Root, back));
            Assert.Equal(proof.Account, back.Account);
            Assert.Equal(proof.Storage.Select(s => s.Value), back.Storage.Select(s => s.Value));
            Assert.Equal(expected.GetStorage(address, universe.Slots[0]), UInt256.Parse(json["storageProof"]![0]!["value"]!.GetValue<string>()));
        }
    }
}
