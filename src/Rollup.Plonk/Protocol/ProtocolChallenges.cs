using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Plonk.Protocol;

/// <summary>The challenges the constraints use: the circuit's own (by index) followed by θ (lookup compression),
/// β and γ (permutation and lookups), as Challenge objects so expressions can name them.</summary>
public sealed class ProtocolChallenges
{
    public Challenge Theta { get; }
    public Challenge Beta { get; }
    public Challenge Gamma { get; }
    public int Count { get; }

    public ProtocolChallenges(ConstraintSystem cs)
    {
        int user = cs.Challenges.Count;
        Theta = new Challenge(user, "theta", int.MaxValue);
        Beta = new Challenge(user + 1, "beta", int.MaxValue);
        Gamma = new Challenge(user + 2, "gamma", int.MaxValue);
        Count = user + 3;
    }
}

/// <summary>Values for all challenges, indexed as <see cref="ProtocolChallenges"/> numbers them.</summary>
public sealed class ChallengeValues(int count)
{
    public Fr[] Values { get; } = new Fr[count];
}
