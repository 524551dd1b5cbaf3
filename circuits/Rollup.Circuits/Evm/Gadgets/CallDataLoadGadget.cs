using Rollup.Circuits.Evm.Math;
using Rollup.Circuits.Tables;
using Rollup.Core.Numerics;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Evm.Tracing.Zk;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>CALLDATALOAD (3 gas): pops an offset and pushes the 32 calldata bytes from it, zero past the end. The root
/// call's calldata is the transaction's, so each byte is a row (tx, CallData, index) of the transaction table, and the
/// length is read from the call context. How many bytes are real: none if the offset is not below the length (an
/// offset of 2^32 or more is always past it: calldata is far shorter), else min(32, length − offset). A mask of
/// 32 bits, ones first, counts them; byte j is looked up at index offset + j where the mask is 1 and is zero where it is
/// 0. The pushed word is the 32 bytes, the first the most significant.</summary>
public sealed class CallDataLoadGadget : IGadget
{
    public const int Width = 32;

    public ExecutionState State => ExecutionState.CallDataLoad;
    public IReadOnlyList<byte> Opcodes => [0x35];

    private CellRef[] _offsetBytes = null!, _mask = null!;
    private ComparisonZeroTest _highZero = null!, _restZero = null!;
    private CellRef _inRange = null!, _below = null!, _valid = null!, _validDistance = null!, _full = null!, _count = null!;
    private SmallNumber _belowDistance = null!, _fullDistance = null!;
    private WordBytes _result = null!;
    private TxLookup[] _bytes = null!;

    public void Configure(GadgetBuilder b)
    {
        b.Require("opcode is CALLDATALOAD", b.Cur(StepField.Opcode) - 0x35);
        var length = StateAccess.ContextRead(b, "calldata length", CallContextField.CallDataLength);
        b.Require("calldata length high limb", length.ValueHi);
        var offset = b.StackPop(1);

        // The offset's low limb as 16 bytes; it is in range when its high limb and bytes 4..15 are zero.
        _offsetBytes = Enumerable.Range(0, 16).Select(i => b.ByteCell($"offset byte {i}")).ToArray();
        Expression lo = _offsetBytes[15];
        for (int i = 14; i >= 0; i--) lo = lo * 256 + _offsetBytes[i];
        b.Require("offset low limb is its bytes", offset.ValueLo - lo);
        Expression offset32 = _offsetBytes[3];
        for (int i = 2; i >= 0; i--) offset32 = offset32 * 256 + _offsetBytes[i];
        _highZero = new ComparisonZeroTest(b, "offset high limb", offset.ValueHi);
        _restZero = new ComparisonZeroTest(b, "offset bytes 4..15", _offsetBytes[4..].Aggregate(Expression.Constant(0), (acc, c) => acc + c));
        _inRange = b.Cell("offset below 2^32");
        b.Require("in range = high limb and bytes 4..15 zero", _inRange - _highZero.IsZero.Expr * _restZero.IsZero);

        // below = (offset32 < length): |length − offset32| − below ≥ 0 in 4 bytes, signed by below.
        _below = b.Cell("offset below the length");
        b.Require("below is a bit", _below * (1 - (Expression)_below));
        _belowDistance = SmallNumber.Require(b, "offset vs length distance", (2 * (Expression)_below - 1) * (length.ValueLo - offset32) - _below, bytes: 4);
        _valid = b.Cell("some bytes are real");
        b.Require("valid = in range · below", _valid - _inRange.Expr * _below);

        // count = valid ? min(32, length − offset32) : 0, through full = (length − offset32 ≥ 32).
        _validDistance = b.Cell("valid · (length − offset)");
        b.Require("valid distance", _validDistance - _valid * (length.ValueLo - offset32));
        _full = b.Cell("32 real bytes");
        b.Require("full is a bit", _full * (1 - (Expression)_full));
        b.Require("full only when valid", (1 - (Expression)_valid) * _full);
        _fullDistance = SmallNumber.Require(b, "distance to a full word",
            _full * (_validDistance - Width * (Expression)_valid) + (1 - (Expression)_full) * ((Width - 1) * (Expression)_valid - _validDistance), bytes: 4);
        _count = b.Cell("real bytes");
        b.Require("count = full ? 32 : valid distance", _count - (_full.Expr * Width + (1 - (Expression)_full) * _validDistance));

        // The mask: bits, ones first, as many as the count.
        _mask = Enumerable.Range(0, Width).Select(j => b.Cell($"byte {j} is real")).ToArray();
        for (int j = 0; j < Width; j++)
        {
            b.Require($"mask {j} is a bit", _mask[j] * (1 - (Expression)_mask[j]));
            if (j > 0) b.Require($"mask {j} only after mask {j - 1}", _mask[j] * (1 - (Expression)_mask[j - 1]));
        }
        b.Require("the mask counts the real bytes", _mask.Aggregate(Expression.Constant(0), (acc, m) => acc + m) - _count);

        // Byte j of the word (the (31 − j)-th little-endian byte) is calldata[offset + j] where real, else zero.
        _result = b.Word("loaded word");
        var tx = b.Cur(StepField.TxId);
        _bytes = new TxLookup[Width];
        for (int j = 0; j < Width; j++)
        {
            var l = _bytes[j] = b.Context.TxIf(b, $"calldata byte {j}", _mask[j], tx, TxField.CallData, offset32 + j);
            var wordByte = _result.Bytes[Width - 1 - j];
            b.Require($"byte {j} is the calldata byte", l.Lo.Expr - wordByte);
            b.Require($"byte {j} lookup high limb", l.Hi);
            b.Require($"byte {j} is zero past the end", (1 - (Expression)_mask[j]) * wordByte);
        }
        var pushed = b.StackPush(0, stackDelta: 0);
        b.Require("pushes the word (lo)", pushed.ValueLo - _result.Lo);
        b.Require("pushes the word (hi)", pushed.ValueHi - _result.Hi);
        b.Transition(gasCost: Expression.Constant(3), stackDelta: 0);
    }

    public void Assign(StepContext step)
    {
        ulong length = step.Rw[0].Value.U0;
        var offset = step.Rw[1].Value;
        var loBytes = offset.ToBigEndian();
        for (int i = 0; i < 16; i++) step.Set(_offsetBytes[i], loBytes[31 - i]);
        _highZero.Assign(step, Witness.Words.Hi(offset));
        ulong rest = 0;
        for (int i = 4; i < 16; i++) rest += loBytes[31 - i];
        _restZero.Assign(step, Fr.FromUInt64(rest));
        bool inRange = Witness.Words.Hi(offset).IsZero && rest == 0;
        step.Set(_inRange, inRange ? 1UL : 0UL);
        ulong offset32 = offset.U0 & 0xffff_ffff;
        bool below = offset32 < length;
        step.Set(_below, below ? 1UL : 0UL);
        _belowDistance.Assign(step, below ? length - offset32 - 1 : offset32 - length);
        bool valid = inRange && below;
        step.Set(_valid, valid ? 1UL : 0UL);
        ulong distance = valid ? length - offset32 : 0;
        step.Set(_validDistance, distance);
        bool full = valid && distance >= Width;
        step.Set(_full, full ? 1UL : 0UL);
        _fullDistance.Assign(step, !valid ? 0 : full ? distance - Width : Width - 1 - distance);
        int count = full ? Width : (int)distance;
        step.Set(_count, (ulong)count);

        step.Set(_result, step.Rw[2].Value);
        var word = step.Rw[2].Value.ToBigEndian();
        for (int j = 0; j < Width; j++)
        {
            bool real = j < count;
            step.Set(_mask[j], real ? 1UL : 0UL);
            if (real) step.Set(_bytes[j], step.Tx!.Id, TxField.CallData, (Fr.FromUInt64(word[j]), Fr.Zero), (int)offset32 + j);
        }
    }
}
