using System.Runtime.CompilerServices;

namespace Rollup.Core.Crypto;

/// <summary>The 25 lanes of the Keccak-f[1600] state, stored inline so a hasher needs no heap array.
/// Lane (x, y) is at index x + 5y, as in the Keccak reference.</summary>
[InlineArray(25)]
internal struct KeccakState
{
    private ulong _lane0;
}

/// <summary>One rate-sized block (136 bytes for Keccak-256), stored inline: the incremental hasher's
/// buffer for input that does not yet fill a block.</summary>
[InlineArray(KeccakF1600.Rate)]
internal struct KeccakBlock
{
    private byte _byte0;
}
