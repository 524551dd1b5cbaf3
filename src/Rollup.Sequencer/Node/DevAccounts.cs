using System.Text;
using Rollup.Core.Crypto;
using Rollup.Core.Numerics;

namespace Rollup.Sequencer.Node;

/// <summary>The ten funded accounts of --dev mode. Their keys are derived, not random, so every devnet has the same
/// accounts: key_i = keccak256(seed phrase ‖ " " ‖ i) (re-hashed in the negligible case it is not a valid key).
/// Public and therefore insecure by design: never send real value to them.</summary>
public static class DevAccounts
{
    public const string SeedPhrase = "rollup devnet test test test test test test test test test junk";
    public const int Count = 10;
    /// <summary>10,000 ETH each, as anvil gives.</summary>
    public static readonly UInt256 Balance = UInt256.Parse("10000000000000000000000");

    public static IReadOnlyList<PrivateKey> Keys(string seedPhrase = SeedPhrase, int count = Count)
    {
        var keys = new List<PrivateKey>(count);
        for (int i = 0; i < count; i++)
        {
            var candidate = Keccak256.Hash(Encoding.UTF8.GetBytes($"{seedPhrase} {i}")).ToArray();
            while (!Secp256k1.IsValidPrivateKey(candidate)) candidate = Keccak256.Hash(candidate).ToArray();
            keys.Add(new PrivateKey(candidate));
        }
        return keys;
    }
}
