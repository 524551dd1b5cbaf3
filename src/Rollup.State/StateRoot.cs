using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;

namespace Rollup.State;

/// <summary>State roots are field elements; headers, RPC and L1 carry them as 32 big-endian bytes.</summary>
public static class StateRoot
{
    /// <summary>The root of the empty state (no accounts): the empty subtree, 0.</summary>
    public static Fr Empty => Fr.Zero;

    public static Hash256 ToHash(in Fr root) => new(root.ToBigEndian());

    /// <summary>The root a header carries; throws if its bytes are not a field element (not a state root).</summary>
    public static Fr FromHash(in Hash256 hash) => Fr.FromBigEndian(hash.Bytes);
}
