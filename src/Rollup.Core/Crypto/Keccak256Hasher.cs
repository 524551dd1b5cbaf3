using Rollup.Core.Types;

namespace Rollup.Core.Crypto;

/// <summary>Incremental Keccak-256: feed data in any number of pieces, then <see cref="Finish()"/>.</summary>
/// <remarks>
/// A mutable struct holding its whole state inline (about 350 bytes), so hashing allocates nothing.
/// <c>default</c> is a fresh hasher. Keep it in a local or field and pass it by <c>ref</c>: a copy
/// carries on from the same point independently. Finish resets it, so it can be reused.
/// </remarks>
public struct Keccak256Hasher
{
    private KeccakState _state;
    private KeccakBlock _pending;   // input that does not yet fill a block
    private int _pendingLength;

    public void Update(ReadOnlySpan<byte> data)
    {
        const int rate = KeccakF1600.Rate;
        Span<byte> pending = _pending;
        if (_pendingLength > 0)
        {
            int take = Math.Min(rate - _pendingLength, data.Length);
            data[..take].CopyTo(pending[_pendingLength..]);
            _pendingLength += take;
            data = data[take..];
            if (_pendingLength < rate) return;
            KeccakF1600.Absorb(ref _state, pending);
            _pendingLength = 0;
        }
        // Whole blocks go straight from the caller's span into the permutation, without a copy.
        int whole = data.Length - data.Length % rate;
        if (whole > 0) KeccakF1600.Absorb(ref _state, data[..whole]);
        data[whole..].CopyTo(pending);
        _pendingLength = data.Length - whole;
    }

    public Hash256 Finish()
    {
        Span<byte> digest = stackalloc byte[Keccak256.Size];
        Finish(digest);
        return new Hash256(digest);
    }

    /// <summary>Writes the digest into the first 32 bytes of <paramref name="output32"/> and resets the hasher.</summary>
    public void Finish(Span<byte> output32)
    {
        Keccak256.CheckOutput(output32);
        Span<byte> pending = _pending;
        Keccak256.AbsorbLast(ref _state, pending[.._pendingLength]);
        Keccak256.Squeeze(ref _state, output32);
        this = default;
    }
}
