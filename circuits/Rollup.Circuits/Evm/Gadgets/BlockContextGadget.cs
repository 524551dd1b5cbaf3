using Rollup.Circuits.Evm.Math;
using Rollup.Circuits.Tables;
using Rollup.Core.Types;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;

namespace Rollup.Circuits.Evm.Gadgets;

/// <summary>COINBASE, TIMESTAMP, NUMBER, GASLIMIT, CHAINID and BASEFEE (2 gas each, one push): the block-table field of
/// the transaction's block (found through the transaction's BlockNumber row). A one-hot choice of the opcode picks the
/// field; COINBASE's address is split into canonical limbs (20 bytes), the other fields are pushed as the table has them.</summary>
public sealed class BlockContextGadget : IGadget
{
    private static readonly (byte Opcode, BlockField Field)[] Ops =
    [
        (0x41, BlockField.Coinbase), (0x42, BlockField.Timestamp), (0x43, BlockField.Number),
        (0x45, BlockField.GasLimit), (0x46, BlockField.ChainId), (0x48, BlockField.BaseFee),
    ];

    public ExecutionState State => ExecutionState.BlockContext;
    public IReadOnlyList<byte> Opcodes => Ops.Select(o => o.Opcode).ToArray();

    private CellRef[] _is = [];
    private TxLookup _blockNumber = null!;
    private BlockLookup _field = null!;
    private AddressWord _coinbase = null!;

    public void Configure(GadgetBuilder b)
    {
        _is = Ops.Select(o => b.Cell($"is opcode 0x{o.Opcode:x2}")).ToArray();
        Expression sum = Expression.Constant(0), opcode = Expression.Constant(0), field = Expression.Constant(0);
        for (int i = 0; i < Ops.Length; i++)
        {
            b.Require($"opcode flag {i} is a bit", _is[i] * (1 - (Expression)_is[i]));
            sum += _is[i];
            opcode += _is[i].Expr * Ops[i].Opcode;
            field += _is[i].Expr * (long)Ops[i].Field;
        }
        b.Require("one opcode flag", sum - 1);
        b.Require("opcode is the flagged one", b.Cur(StepField.Opcode) - opcode);

        _blockNumber = b.Context.Tx(b, "block number", b.Cur(StepField.TxId), TxField.BlockNumber);
        _field = b.Context.Block(b, "the opcode's field", _blockNumber.Lo, field);

        var isCoinbase = _is[0];
        _coinbase = AddressWord.Require(b, "coinbase as a word", isCoinbase.Expr * _field.Lo);
        var pushed = b.StackPush(0, stackDelta: 1);
        b.Require("pushes the field (lo)", pushed.ValueLo - (isCoinbase * _coinbase.Limbs.Lo + (1 - (Expression)isCoinbase) * _field.Lo));
        b.Require("pushes the field (hi)", pushed.ValueHi - (isCoinbase * _coinbase.Limbs.Hi + (1 - (Expression)isCoinbase) * _field.Hi));
        b.Transition(gasCost: Expression.Constant(2), stackDelta: 1);
    }

    public void Assign(StepContext step)
    {
        int i = Array.FindIndex(Ops, o => o.Opcode == step.Step!.Opcode);
        for (int j = 0; j < Ops.Length; j++) step.Set(_is[j], j == i ? 1UL : 0UL);
        step.Set(_blockNumber, step.Tx!, TxField.BlockNumber);
        step.Set(_field, step.Block!, Ops[i].Field);
        _coinbase.Assign(step, Ops[i].Field == BlockField.Coinbase ? step.Block!.Coinbase : default(Address));
    }
}
