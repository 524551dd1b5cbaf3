using System.Buffers.Binary;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Pairing;

namespace Rollup.Crypto.Bn254;

/// <summary>
/// The byte-level semantics of the EVM precompiles ecAdd (0x06), ecMul (0x07) and ecPairing (0x08)
/// from EIP-196/197, so the EVM can call them directly. Gas is the caller's business.
/// A false return means the precompile fails (all gas consumed, no output).
/// </summary>
public static class Bn254Precompiles
{
    private const int PairSize = G1Affine.EncodedLength + G2Affine.EncodedLength; // 192

    /// <summary>ecAdd: input is right-padded with zeros (or truncated) to 128 bytes = two G1 points.</summary>
    public static bool Add(ReadOnlySpan<byte> input, Span<byte> output64)
    {
        Span<byte> buf = stackalloc byte[128];
        PadInto(input, buf);
        if (!G1Affine.TryDecode(buf[..64], out G1Affine a) || !G1Affine.TryDecode(buf[64..], out G1Affine b))
            return false;
        (a.ToJacobian() + b).ToAffine().Encode(output64);
        return true;
    }

    /// <summary>ecMul: input is right-padded (or truncated) to 96 bytes = G1 point ‖ 256-bit big-endian scalar.
    /// The scalar is used as is (not required to be below r).</summary>
    public static bool Mul(ReadOnlySpan<byte> input, Span<byte> output64)
    {
        Span<byte> buf = stackalloc byte[96];
        PadInto(input, buf);
        if (!G1Affine.TryDecode(buf[..64], out G1Affine p)) return false;
        Span<ulong> k = stackalloc ulong[4];
        for (int i = 0; i < 4; i++) k[i] = BinaryPrimitives.ReadUInt64BigEndian(buf.Slice(88 - 8 * i, 8));
        p.ToJacobian().Multiply(k).ToAffine().Encode(output64);
        return true;
    }

    /// <summary>ecPairing: k pairs of (G1 64 bytes ‖ G2 128 bytes); result is whether the product of
    /// pairings is 1. Fails when the length is not a multiple of 192 or any point is invalid
    /// (coordinate ≥ q, off the curve, or G2 point outside the order-r subgroup). Empty input → true.</summary>
    public static bool Pairing(ReadOnlySpan<byte> input, out bool result)
    {
        result = false;
        if (input.Length % PairSize != 0) return false;
        int n = input.Length / PairSize;
        var ps = new G1Affine[n];
        var qs = new G2Affine[n];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<byte> pair = input.Slice(i * PairSize, PairSize);
            if (!G1Affine.TryDecode(pair[..64], out ps[i]) || !G2Affine.TryDecode(pair[64..], out qs[i]))
                return false;
        }
        result = Bn254Pairing.PairingCheck(ps, qs);
        return true;
    }

    private static void PadInto(ReadOnlySpan<byte> input, Span<byte> buf)
    {
        buf.Clear();
        input[..Math.Min(input.Length, buf.Length)].CopyTo(buf);
    }
}
