using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Math;

/// <summary>The byte length of a word (0 for zero; EXP charges per byte of its exponent): the word as 32 byte cells
/// (little-endian) and a mask of 32 bits, ones from byte 0 up to the length and zeros above; every byte above the mask is
/// zero, and the top masked byte is not (it has an inverse), so the mask is the word's length and nothing else.</summary>
public sealed class ByteLength
{
    private readonly CellRef[] _mask;
    private readonly CellRef _top, _topInverse;

    /// <summary>The word's bytes (bound to the limbs given to <see cref="Declare"/>).</summary>
    public WordBytes Bytes { get; }
    /// <summary>How many bytes the word has, 0 … 32.</summary>
    public Expression Length { get; }
    /// <summary>1 when the word is not zero (its lowest mask bit).</summary>
    public Expression NonZero => _mask[0];

    private ByteLength(WordBytes bytes, CellRef[] mask, CellRef top, CellRef topInverse, Expression length) =>
        (Bytes, _mask, _top, _topInverse, Length) = (bytes, mask, top, topInverse, length);

    public static ByteLength Declare(GadgetBuilder b, string name, Limbs word)
    {
        var bytes = b.Word(name);
        b.Require($"{name}: low limb is its bytes", word.Lo - bytes.Lo);
        b.Require($"{name}: high limb is its bytes", word.Hi - bytes.Hi);
        var mask = Enumerable.Range(0, 32).Select(i => b.Cell($"{name}: byte {i} counts")).ToArray();
        Expression top = Expression.Constant(0), length = Expression.Constant(0);
        for (int i = 0; i < 32; i++)
        {
            Expression m = mask[i];
            b.Require($"{name}: mask {i} is a bit", m * (1 - m));
            if (i > 0) b.Require($"{name}: mask {i} only after mask {i - 1}", m * (1 - (Expression)mask[i - 1]));
            b.Require($"{name}: byte {i} is zero above the length", (1 - m) * bytes.Bytes[i]);
            var isTop = i < 31 ? m - mask[i + 1] : m;
            top += isTop * bytes.Bytes[i];
            length += m;
        }
        var topCell = b.Cell($"{name}: the top byte");
        b.Require($"{name}: top byte", topCell - top);
        var inverse = b.Cell($"{name}: 1 / top byte");
        b.Require($"{name}: the top byte is not zero when there is one", topCell * (Expression)inverse - mask[0]);
        b.Require($"{name}: the inverse is zero with no bytes", (1 - (Expression)mask[0]) * inverse);
        return new ByteLength(bytes, mask, topCell, inverse, length);
    }

    public void Assign(StepContext step, in UInt256 word)
    {
        step.Set(Bytes, word);
        int length = Of(word);
        for (int i = 0; i < 32; i++) step.Set(_mask[i], i < length ? 1UL : 0UL);
        var bigEndian = word.ToBigEndian();
        ulong top = length == 0 ? 0UL : bigEndian[32 - length];
        step.Set(_top, top);
        step.Set(_topInverse, top == 0 ? Fr.Zero : Fr.FromUInt64(top).Inverse());
    }

    /// <summary>The byte length of <paramref name="word"/>.</summary>
    public static int Of(in UInt256 word)
    {
        var bigEndian = word.ToBigEndian();
        for (int i = 0; i < 32; i++) if (bigEndian[i] != 0) return 32 - i;
        return 0;
    }
}
