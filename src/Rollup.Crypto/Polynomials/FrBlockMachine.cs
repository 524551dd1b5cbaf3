using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Rollup.Crypto.Bn254.Fields;
using V = Rollup.Crypto.Bn254.Fields.Fr8Math;

namespace Rollup.Crypto.Polynomials;

/// <summary>Runs an <see cref="FrBlockProgram"/> over one block of points at a time: instruction by instruction over
/// the whole block (one dispatch per instruction per block, not per point). One machine per worker thread: it owns the
/// registers, so running allocates nothing.
/// <para>On AVX-512 (<see cref="Fr8Math.IsSupported"/>) registers hold eight points per <see cref="Fr8"/>, in the
/// limb-sliced layout, so a value is converted from the 64-bit-limb layout once when an input is read and once when
/// the result is written, not around every operation. Registers hold the canonical Montgomery (R-form) values the
/// scalar <see cref="Fr"/> holds. <see cref="Fr8Math.Mul"/> takes its second operand times 32 (its radix is 2^261):
/// a constant's is prepared once, an input's is read that way (<see cref="Fr8Math.LoadTimes32"/>), a register's is a
/// 5-bit shift and a carry pass; a product with a register and a non-register operand takes the non-register one as
/// the second. Every operation returns the canonical residue, so the output is bit for bit the scalar path's.</para>
/// <para>Without AVX-512, or for a block length not a multiple of eight, the same program runs on <see cref="Fr"/>
/// spans.</para></summary>
public sealed class FrBlockMachine
{
    private readonly FrBlockProgram _program;
    private readonly int _blockLength;
    private readonly bool _vectorized;
    // Vector path: register r's group g (points 8g..8g+7) is _regs[r·_groups + g].
    private readonly int _groups;
    private readonly Fr8[] _regs = [];
    private readonly Fr8[] _constants = [], _constants32 = [];
    private readonly FrBlockInstruction[] _instructions;
    private readonly Fr[] _gather = new Fr[8];
    // Scalar path: register r is _scalarRegs[r·_blockLength ..], plus two buffers for wrapped inputs.
    // (Made on first use on an AVX-512 machine: the scalar path also takes blocks whose length is not a multiple of
    // eight, tiny domains.)
    private Fr[] _scalarRegs = [];
    private Fr[] _wrapA = [], _wrapB = [];

    /// <param name="vectorized">Whether to use AVX-512 where it is present (false: the scalar path, for tests).</param>
    public FrBlockMachine(FrBlockProgram program, int blockLength, bool vectorized = true)
    {
        _program = program;
        _blockLength = blockLength;
        _vectorized = vectorized && V.IsSupported && blockLength >= 8;
        // a·b = b·a: a register as the first operand when the other is not one (its times-32 form is the cheap one).
        _instructions = program.Instructions.Select(i => i.Op == FrBlockOp.Mul && i.B.Kind == FrOperandKind.Register &&
            i.A.Kind != FrOperandKind.Register ? i with { A = i.B, B = i.A } : i).ToArray();
        if (_vectorized)
        {
            _groups = blockLength / 8;
            _regs = new Fr8[program.Registers * _groups];
            _constants = new Fr8[program.Constants.Length];
            _constants32 = new Fr8[program.Constants.Length];
            for (int i = 0; i < _constants.Length; i++)
            {
                var k = program.Constants[i].Limbs;
                V.Split(Vector512.Create(k.L0), Vector512.Create(k.L1), Vector512.Create(k.L2), Vector512.Create(k.L3), out _constants[i]);
                V.BroadcastTimes32(k, out _constants32[i]);
            }
        }
        else
        {
            _scalarRegs = new Fr[program.Registers * blockLength];
            _wrapA = new Fr[blockLength];
            _wrapB = new Fr[blockLength];
        }
    }

    /// <summary>The program on the block of <paramref name="length"/> points the inputs describe; output[i] =
    /// result[i]·<paramref name="scale"/>.</summary>
    public void Run(ReadOnlySpan<FrBlockInput> inputs, int length, Fr scale, Span<Fr> output)
    {
        if (length > _blockLength || output.Length < length) throw new ArgumentException("block too long");
        if (inputs.Length != _program.Inputs) throw new ArgumentException($"expected {_program.Inputs} inputs");
        if (_vectorized && length % 8 == 0) RunVector(inputs, length / 8, scale, output);
        else RunScalar(inputs, length, scale, output);
    }

    // ---- AVX-512 ----

    // One method per operation, each with its product or sum inlined once: with all of them (and the final scaling)
    // inlined into one loop, the JIT's inlining budget ran out inside Fr8Math.Mul and its eight reduction steps
    // became calls taking 19 vectors each (perf: 30% of a batch proof in Fr8Math.Step). RunMul, RunAdd and RunSub are
    // written out on purpose: one generic RunBinary<TOp> over struct operations cost the product's Normalize and
    // Reduce their inlining again (evaluate constraints 9.1 → 13.1 CPU s at 2^13).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunVector(ReadOnlySpan<FrBlockInput> inputs, int groups, Fr scale, Span<Fr> output)
    {
        foreach (var ins in _instructions)
        {
            switch (ins.Op)
            {
                case FrBlockOp.Mul: RunMul(ins, inputs, groups); break;
                case FrBlockOp.Add: RunAdd(ins, inputs, groups); break;
                default: RunSub(ins, inputs, groups); break;
            }
        }
        RunScale(inputs, groups, scale, output);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private void RunMul(FrBlockInstruction ins, ReadOnlySpan<FrBlockInput> inputs, int groups)
    {
        Unsafe.SkipInit(out Fr8 sa);
        Unsafe.SkipInit(out Fr8 sb);
        int d = ins.Destination * _groups;
        for (int g = 0; g < groups; g++)
        {
            V.Mul(Fetch(ins.A, g, inputs, ref sa), Fetch32(ins.B, g, inputs, ref sb), out Fr8 t);
            _regs[d + g] = t;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private void RunAdd(FrBlockInstruction ins, ReadOnlySpan<FrBlockInput> inputs, int groups)
    {
        Unsafe.SkipInit(out Fr8 sa);
        Unsafe.SkipInit(out Fr8 sb);
        int d = ins.Destination * _groups;
        for (int g = 0; g < groups; g++)
        {
            V.Add(Fetch(ins.A, g, inputs, ref sa), Fetch(ins.B, g, inputs, ref sb), out Fr8 t);
            _regs[d + g] = t;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private void RunSub(FrBlockInstruction ins, ReadOnlySpan<FrBlockInput> inputs, int groups)
    {
        Unsafe.SkipInit(out Fr8 sa);
        Unsafe.SkipInit(out Fr8 sb);
        int d = ins.Destination * _groups;
        for (int g = 0; g < groups; g++)
        {
            V.Sub(Fetch(ins.A, g, inputs, ref sa), Fetch(ins.B, g, inputs, ref sb), out Fr8 t);
            _regs[d + g] = t;
        }
    }

    /// <summary>The result register times <paramref name="scale"/>, stored as Fr values.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private void RunScale(ReadOnlySpan<FrBlockInput> inputs, int groups, Fr scale, Span<Fr> output)
    {
        Unsafe.SkipInit(out Fr8 sa);
        V.BroadcastTimes32(scale.Limbs, out Fr8 scale32);
        ref ulong q = ref Unsafe.As<Fr, ulong>(ref MemoryMarshal.GetReference(output));
        for (int g = 0; g < groups; g++)
        {
            V.Mul(Fetch(_program.Result, g, inputs, ref sa), scale32, out Fr8 r);
            V.Join(r, out var w0, out var w1, out var w2, out var w3);
            V.FromLimbVectors(w0, w1, w2, w3, out var v0, out var v1, out var v2, out var v3);
            nuint at = (nuint)(32 * g);
            v0.StoreUnsafe(ref q, at); v1.StoreUnsafe(ref q, at + 8); v2.StoreUnsafe(ref q, at + 16); v3.StoreUnsafe(ref q, at + 24);
        }
    }

    /// <summary>Group <paramref name="g"/> of an operand: a register's or constant's in place, an input's loaded
    /// into <paramref name="scratch"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Fr8 Fetch(FrOperand o, int g, ReadOnlySpan<FrBlockInput> inputs, ref Fr8 scratch)
    {
        if (o.Kind == FrOperandKind.Register) return ref _regs[o.Index * _groups + g];
        if (o.Kind == FrOperandKind.Constant) return ref _constants[o.Index];
        LoadInput(inputs[o.Index], g, out scratch);
        return ref scratch;
    }

    /// <summary>Group <paramref name="g"/> of an operand times 32, as <see cref="Fr8Math.Mul"/>'s second operand (not
    /// reduced: below 32·r &lt; 2^259, normalized limbs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Fr8 Fetch32(FrOperand o, int g, ReadOnlySpan<FrBlockInput> inputs, ref Fr8 scratch)
    {
        if (o.Kind == FrOperandKind.Constant) return ref _constants32[o.Index];
        if (o.Kind == FrOperandKind.Input) LoadInput(inputs[o.Index], g, out scratch, times32: true);
        else
        {
            ref Fr8 x = ref _regs[o.Index * _groups + g];
            scratch.L0 = x.L0 << 5; scratch.L1 = x.L1 << 5; scratch.L2 = x.L2 << 5; scratch.L3 = x.L3 << 5;
            scratch.L4 = x.L4 << 5; scratch.L5 = x.L5 << 5; scratch.L6 = x.L6 << 5; scratch.L7 = x.L7 << 5; scratch.L8 = x.L8 << 5;
            V.Normalize(ref scratch);
        }
        return ref scratch;
    }

    /// <summary>Eight consecutive points of an input (times 32 for a product's second operand); the eight are
    /// gathered first when they wrap around the end of the array.</summary>
    private void LoadInput(in FrBlockInput input, int g, out Fr8 x, bool times32 = false)
    {
        var source = input.Source;
        int mask = source.Length - 1, p = (input.Offset + 8 * g) & mask;
        ref Fr first = ref _gather[0];
        if (p + 8 <= source.Length) first = ref source[p];
        else for (int i = 0; i < 8; i++) _gather[i] = source[(p + i) & mask];
        ref ulong q = ref Unsafe.As<Fr, ulong>(ref first);
        V.ToLimbVectors(Vector512.LoadUnsafe(ref q), Vector512.LoadUnsafe(ref q, 8), Vector512.LoadUnsafe(ref q, 16), Vector512.LoadUnsafe(ref q, 24),
            out var w0, out var w1, out var w2, out var w3);
        if (times32) V.SplitTimes32(w0, w1, w2, w3, out x);
        else V.Split(w0, w1, w2, w3, out x);
    }

    // ---- scalar ----

    private void RunScalar(ReadOnlySpan<FrBlockInput> inputs, int length, Fr scale, Span<Fr> output)
    {
        if (_scalarRegs.Length == 0)
        {
            _scalarRegs = new Fr[_program.Registers * _blockLength];
            _wrapA = new Fr[_blockLength];
            _wrapB = new Fr[_blockLength];
        }
        foreach (var ins in _instructions)
        {
            var d = _scalarRegs.AsSpan(ins.Destination * _blockLength, length);
            bool ka = Resolve(ins.A, inputs, length, _wrapA, out var a, out var va);
            bool kb = Resolve(ins.B, inputs, length, _wrapB, out var b, out var vb);
            switch (ins.Op)
            {
                case FrBlockOp.Mul:
                    if (ka && kb) d.Fill(va * vb);
                    else if (kb) for (int i = 0; i < length; i++) d[i] = a[i] * vb;
                    else if (ka) for (int i = 0; i < length; i++) d[i] = va * b[i];
                    else for (int i = 0; i < length; i++) d[i] = a[i] * b[i];
                    break;
                case FrBlockOp.Add:
                    if (ka && kb) d.Fill(va + vb);
                    else if (kb) for (int i = 0; i < length; i++) d[i] = a[i] + vb;
                    else if (ka) for (int i = 0; i < length; i++) d[i] = va + b[i];
                    else for (int i = 0; i < length; i++) d[i] = a[i] + b[i];
                    break;
                default:
                    if (ka && kb) d.Fill(va - vb);
                    else if (kb) for (int i = 0; i < length; i++) d[i] = a[i] - vb;
                    else if (ka) for (int i = 0; i < length; i++) d[i] = va - b[i];
                    else for (int i = 0; i < length; i++) d[i] = a[i] - b[i];
                    break;
            }
        }
        if (Resolve(_program.Result, inputs, length, _wrapA, out var result, out var constant)) output[..length].Fill(constant * scale);
        else for (int i = 0; i < length; i++) output[i] = result[i] * scale;
    }

    /// <summary>An operand's points as a span (true: a constant, in <paramref name="constant"/>). An input that wraps
    /// around its array is copied into <paramref name="wrap"/>.</summary>
    private bool Resolve(FrOperand o, ReadOnlySpan<FrBlockInput> inputs, int length, Fr[] wrap, out ReadOnlySpan<Fr> values, out Fr constant)
    {
        constant = default;
        values = default;
        switch (o.Kind)
        {
            case FrOperandKind.Constant:
                constant = _program.Constants[o.Index];
                return true;
            case FrOperandKind.Register:
                values = _scalarRegs.AsSpan(o.Index * _blockLength, length);
                return false;
        }
        var input = inputs[o.Index];
        var source = input.Source;
        int mask = source.Length - 1, offset = input.Offset & mask;
        if (offset + length <= source.Length) values = source.AsSpan(offset, length);
        else
        {
            for (int i = 0; i < length; i++) wrap[i] = source[(offset + i) & mask];
            values = wrap.AsSpan(0, length);
        }
        return false;
    }
}
