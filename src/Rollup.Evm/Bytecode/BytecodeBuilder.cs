using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.Instructions;

namespace Rollup.Evm.Bytecode;

/// <summary>Writes EVM bytecode fluently, for tests and benchmarks:
/// <c>new BytecodeBuilder().Push(2).Push(3).Op(Opcode.ADD).Return0().Build()</c>. Pushes pick the shortest PUSH;
/// labels resolve forward jumps.</summary>
public sealed class BytecodeBuilder
{
    private readonly List<byte> _code = [];
    private readonly Dictionary<string, int> _labels = [];
    private readonly List<(int At, string Label)> _fixups = [];

    public int Position => _code.Count;

    public BytecodeBuilder Op(Opcode op) { _code.Add((byte)op); return this; }

    public BytecodeBuilder Ops(params Opcode[] ops) { foreach (var op in ops) Op(op); return this; }

    public BytecodeBuilder Raw(params byte[] bytes) { _code.AddRange(bytes); return this; }

    /// <summary>PUSH0 for zero (set <paramref name="allowPush0"/> false for pre-Shanghai code), else the shortest PUSHn.</summary>
    public BytecodeBuilder Push(UInt256 value, bool allowPush0 = true)
    {
        if (value.IsZero && allowPush0) return Op(Opcode.PUSH0);
        var bytes = value.ToBigEndianTrimmed();
        if (bytes.Length == 0) bytes = [0];
        _code.Add((byte)(0x5f + bytes.Length));
        _code.AddRange(bytes);
        return this;
    }

    public BytecodeBuilder Push(ulong value) => Push(new UInt256(value));

    public BytecodeBuilder Push(Address address)
    {
        _code.Add((byte)Opcode.PUSH20);
        _code.AddRange(address.ToArray());
        return this;
    }

    /// <summary>A PUSHn with exactly <paramref name="bytes"/> as its immediate.</summary>
    public BytecodeBuilder PushBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length is 0 or > 32) throw new ArgumentException("PUSH takes 1 to 32 bytes");
        _code.Add((byte)(0x5f + bytes.Length));
        _code.AddRange(bytes.ToArray());
        return this;
    }

    /// <summary>Marks a JUMPDEST here under a name.</summary>
    public BytecodeBuilder Label(string name)
    {
        _labels[name] = _code.Count;
        return Op(Opcode.JUMPDEST);
    }

    /// <summary>PUSH2 of a label's position (resolved at Build, so labels may come later).</summary>
    public BytecodeBuilder PushLabel(string name)
    {
        _code.Add((byte)Opcode.PUSH2);
        _fixups.Add((_code.Count, name));
        _code.Add(0);
        _code.Add(0);
        return this;
    }

    public BytecodeBuilder Jump(string label) => PushLabel(label).Op(Opcode.JUMP);

    public BytecodeBuilder JumpIf(string label) => PushLabel(label).Op(Opcode.JUMPI);

    /// <summary>MSTORE the value at offset 0 and RETURN those 32 bytes.</summary>
    public BytecodeBuilder ReturnTop() => Push(0).Op(Opcode.MSTORE).Push(32).Push(0).Op(Opcode.RETURN);

    /// <summary>SSTORE(key, value).</summary>
    public BytecodeBuilder Store(ulong key, ulong value) => Push(value).Push(key).Op(Opcode.SSTORE);

    public byte[] Build()
    {
        var code = _code.ToArray();
        foreach (var (at, label) in _fixups)
        {
            if (!_labels.TryGetValue(label, out int target)) throw new InvalidOperationException($"undefined label '{label}'");
            code[at] = (byte)(target >> 8);
            code[at + 1] = (byte)target;
        }
        return code;
    }

    /// <summary>Initcode that deploys <paramref name="runtime"/>: CODECOPY it to memory and RETURN it.</summary>
    public static byte[] Deployer(byte[] runtime)
    {
        // PUSH2 len, PUSH2 offset, PUSH0, CODECOPY, PUSH2 len, PUSH0, RETURN = 3+3+1+1+3+1+1 = 13 bytes of prefix
        const int prefix = 13;
        var b = new BytecodeBuilder()
            .Raw((byte)Opcode.PUSH2, (byte)(runtime.Length >> 8), (byte)runtime.Length)
            .Raw((byte)Opcode.PUSH2, 0, prefix)
            .Op(Opcode.PUSH0).Op(Opcode.CODECOPY)
            .Raw((byte)Opcode.PUSH2, (byte)(runtime.Length >> 8), (byte)runtime.Length)
            .Op(Opcode.PUSH0).Op(Opcode.RETURN);
        return [.. b.Build(), .. runtime];
    }
}
