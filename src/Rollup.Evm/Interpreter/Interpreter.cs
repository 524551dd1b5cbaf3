using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rollup.Core.Numerics;
using Rollup.Evm.Execution;
using Rollup.Evm.Gas;
using Rollup.Evm.Instructions;
using Rollup.Evm.Tracing;

namespace Rollup.Evm.Interpreter;

/// <summary>The instruction loop. It runs one frame until the frame halts or asks for a sub-call. The hot state —
/// program counter, stack pointer and gas — lives in locals (never address-taken, so the JIT keeps them in
/// registers); instructions that need the frame get it synced first. The per-fork <see cref="InstructionInfo"/>
/// table supplies static gas and stack bounds, so every instruction's prologue is the same three checks.</summary>
internal static unsafe class EvmInterpreter
{
    /// <summary>Runs <paramref name="f"/> from its saved pc. Returns true when the frame halted (its reason in
    /// <see cref="CallFrame.Exit"/>), false when it stopped for the sub-call in <see cref="CallFrame.PendingMessage"/>.</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Run<TTracing>(CallFrame f) where TTracing : struct, ITracingMode
    {
        var tableArray = f.Env.Table.Entries;
        byte* ip = f.CodeStart + f.Pc;
        UInt256* sp = f.StackPointer + f.StackSize;
        long gas = f.Gas;
        ExitReason exit;

        fixed (InstructionInfo* table = tableArray)
        {
            while (true)
            {
                byte op = *ip;
                InstructionInfo* info = table + op;

                if (TTracing.Enabled)
                {
                    f.Pc = (int)(ip - f.CodeStart); f.StackSize = (int)(sp - f.StackPointer); f.Gas = gas;
                    f.Env.Tracer!.OnStep(f.Env, f, f.Pc, (byte)op, gas);
                }

                // Stack bounds by the byte distance of sp from the bottom, both in one unsigned compare (an underflow
                // wraps the difference to a huge number); undefined opcodes have a span no distance fits.
                long used = (byte*)sp - (byte*)f.StackPointer;
                if ((ulong)(used - info->MinStackBytes) > (ulong)(uint)info->StackSpanBytes) { exit = StackFault(info, used); goto Halt; }
                gas -= info->StaticGas;
                if (gas < 0) { exit = ExitReason.OutOfGas; goto Halt; }

                switch (op)
                {
                    case 0x00: exit = ExitReason.Stop; goto Halt;
                    case 0x01: sp = Arithmetic.Add(sp); break;
                    case 0x02: sp = Arithmetic.Mul(sp); break;
                    case 0x03: sp = Arithmetic.Sub(sp); break;
                    case 0x04: sp = Arithmetic.Div(sp); break;
                    case 0x05: sp = Arithmetic.SDiv(sp); break;
                    case 0x06: sp = Arithmetic.Mod(sp); break;
                    case 0x07: sp = Arithmetic.SMod(sp); break;
                    case 0x08: sp = Arithmetic.AddMod(sp); break;
                    case 0x09: sp = Arithmetic.MulMod(sp); break;
                    case 0x0a:
                        gas -= Arithmetic.Exp(sp, f.Env.Rules.IsEip158 ? GasCosts.ExpByte : GasCosts.ExpByteFrontier);
                        if (gas < 0) { exit = ExitReason.OutOfGas; goto Halt; }
                        sp--;
                        break;
                    case 0x0b: sp = Arithmetic.SignExtend(sp); break;

                    case 0x10: sp = Bitwise.Lt(sp); break;
                    case 0x11: sp = Bitwise.Gt(sp); break;
                    case 0x12: sp = Bitwise.Slt(sp); break;
                    case 0x13: sp = Bitwise.Sgt(sp); break;
                    case 0x14: sp = Bitwise.Eq(sp); break;
                    case 0x15: Bitwise.IsZero(sp); break;
                    case 0x16: sp = Bitwise.And(sp); break;
                    case 0x17: sp = Bitwise.Or(sp); break;
                    case 0x18: sp = Bitwise.Xor(sp); break;
                    case 0x19: Bitwise.Not(sp); break;
                    case 0x1a: sp = Bitwise.Byte(sp); break;
                    case 0x1b: sp = Bitwise.Shl(sp); break;
                    case 0x1c: sp = Bitwise.Shr(sp); break;
                    case 0x1d: sp = Bitwise.Sar(sp); break;

                    case 0x20: Sync(f, sp, gas); exit = EnvironmentOps.Keccak(f); goto Resync;



                    case 0x50: sp--; break;
                    case 0x51:
                        gas = MemoryOps.MLoad(f, sp, gas);
                        if (gas < 0) { exit = ExitReason.OutOfGas; goto Halt; }
                        break;
                    case 0x52:
                        gas = MemoryOps.MStore(f, sp, gas);
                        if (gas < 0) { exit = ExitReason.OutOfGas; goto Halt; }
                        sp -= 2;
                        break;
                    case 0x53:
                        gas = MemoryOps.MStore8(f, sp, gas);
                        if (gas < 0) { exit = ExitReason.OutOfGas; goto Halt; }
                        sp -= 2;
                        break;
                    case 0x54: Sync(f, sp, gas); exit = StorageOps.SLoad(f.Env, f); goto Resync;
                    case 0x55: Sync(f, sp, gas); exit = StorageOps.SStore(f.Env, f); goto Resync;
                    case 0x56:
                    {
                        ref readonly var dest = ref sp[-1];
                        sp--;
                        if (!dest.FitsInUlong || !f.Code.IsJumpDest(dest.U0)) { exit = ExitReason.InvalidJump; goto Halt; }
                        ip = f.CodeStart + dest.U0;
                        goto Landed;
                    }
                    case 0x57:
                    {
                        ref readonly var dest = ref sp[-1];
                        bool taken = !sp[-2].IsZero;
                        sp -= 2;
                        if (taken)
                        {
                            if (!dest.FitsInUlong || !f.Code.IsJumpDest(dest.U0)) { exit = ExitReason.InvalidJump; goto Halt; }
                            ip = f.CodeStart + dest.U0;
                            goto Landed;
                        }
                        break;
                    }
                    case 0x58: *sp++ = new UInt256((ulong)(ip - f.CodeStart)); break;
                    case 0x59: *sp++ = new UInt256(f.Memory.Size); break;
                    case 0x5a: *sp++ = new UInt256((ulong)gas); break;
                    case 0x5b: break;
                    case 0x5f: sp = StackOps.Push0(sp); break;

                    case 0x60: sp = StackOps.PushSmall(sp, ip[1]); ip += 2; goto StepDone;
                    case 0x61: case 0x62: case 0x63: case 0x64: case 0x65: case 0x66: case 0x67: // PUSH2..PUSH8
                    {
                        int n = op - 0x5f;
                        sp = StackOps.PushNarrow(sp, ip + 1, n);
                        ip += n + 1;
                        goto StepDone;
                    }
                    case 0x68: case 0x69: case 0x6a: case 0x6b: case 0x6c: case 0x6d: case 0x6e: case 0x6f:
                    case 0x70: case 0x71: case 0x72: case 0x73: case 0x74: case 0x75: case 0x76: case 0x77:
                    case 0x78: case 0x79: case 0x7a: case 0x7b: case 0x7c: case 0x7d: case 0x7e: case 0x7f:
                        // A call: nothing but sp and ip may be live across it (the width is re-read from the code),
                        // or the register allocator gives a callee-saved register to the width and spills gas.
                        StackOps.PushWide(sp++, ip);
                        ip += *ip - 0x5e;
                        goto StepDone;

                    case 0x80: case 0x81: case 0x82: case 0x83: case 0x84: case 0x85: case 0x86: case 0x87:
                    case 0x88: case 0x89: case 0x8a: case 0x8b: case 0x8c: case 0x8d: case 0x8e: case 0x8f:
                        sp = StackOps.Dup(sp, (int)op - 0x7f);
                        break;

                    case 0x90: case 0x91: case 0x92: case 0x93: case 0x94: case 0x95: case 0x96: case 0x97:
                    case 0x98: case 0x99: case 0x9a: case 0x9b: case 0x9c: case 0x9d: case 0x9e: case 0x9f:
                        StackOps.Swap(sp, (int)op - 0x8f);
                        break;


                    case 0xf0: Sync(f, sp, gas); exit = CallOps.Create(f.Env, f, CallKind.Create); goto Suspend;
                    case 0xf1: Sync(f, sp, gas); exit = CallOps.Call(f.Env, f, CallKind.Call); goto Suspend;
                    case 0xf2: Sync(f, sp, gas); exit = CallOps.Call(f.Env, f, CallKind.CallCode); goto Suspend;
                    case 0xf3: Sync(f, sp, gas); exit = ControlOps.Return(f, ExitReason.Return); goto Ended;
                    case 0xf4: Sync(f, sp, gas); exit = CallOps.Call(f.Env, f, CallKind.DelegateCall); goto Suspend;
                    case 0xf5: Sync(f, sp, gas); exit = CallOps.Create(f.Env, f, CallKind.Create2); goto Suspend;
                    case 0xfa: Sync(f, sp, gas); exit = CallOps.Call(f.Env, f, CallKind.StaticCall); goto Suspend;
                    case 0xfd: Sync(f, sp, gas); exit = ControlOps.Return(f, ExitReason.Revert); goto Ended;
                    case 0xff: Sync(f, sp, gas); exit = ControlOps.SelfDestruct(f.Env, f); goto Ended;

                    // The environment, block, transient-storage, MCOPY and LOG instructions: one call that
                    // dispatches again. Each is a case of its own there, not here, because every case in this
                    // loop is a block the register allocator must fit around the hot locals (gas, sp, ip).
                    case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37:
                    case 0x38: case 0x39: case 0x3a: case 0x3b: case 0x3c: case 0x3d: case 0x3e: case 0x3f:
                    case 0x40: case 0x41: case 0x42: case 0x43: case 0x44: case 0x45: case 0x46: case 0x47:
                    case 0x48: case 0x49: case 0x4a: case 0x5c: case 0x5d: case 0x5e: case 0xa0: case 0xa1:
                    case 0xa2: case 0xa3: case 0xa4:
                        Sync(f, sp, gas); exit = FrameInstructions.Run(f, op); goto Resync;

                    default: exit = ExitReason.InvalidOpcode; goto Halt;
                }
                ip++;
                goto StepDone;

            Landed: // a jump reached its JUMPDEST. Untraced, run the JUMPDEST here (it only charges its gas; the stack
                    // cannot be out of its bounds), saving a dispatch per loop iteration; if the gas does not cover it,
                    // leave it to the loop, which halts there as the instruction would.
                if (!TTracing.Enabled && gas >= table[0x5b].StaticGas)
                {
                    gas -= table[0x5b].StaticGas;
                    ip++;
                }
                goto StepDone;

            Resync: // a frame-level handler ran: take its gas and stack back, stop if it halted
                gas = f.Gas;
                sp = f.StackPointer + f.StackSize;
                if (exit != ExitReason.Running) goto Halt;
                ip++;

            StepDone:
                if (TTracing.Enabled)
                {
                    f.Pc = (int)(ip - f.CodeStart); f.StackSize = (int)(sp - f.StackPointer); f.Gas = gas;
                    f.Env.Tracer!.OnStepEnd(f.Env, f, gas);
                }
                continue;

            Suspend: // CALL or CREATE: hand the message to the executor; resume after the instruction
                if (exit != ExitReason.Running) { gas = f.Gas; goto Halt; }
                f.Pc = (int)(ip - f.CodeStart) + 1;
                return false;

            Ended: // RETURN, REVERT or SELFDESTRUCT (or an exceptional halt inside them)
                gas = f.Gas;
                goto Halt;
            }
        }

    Halt:
        f.Pc = (int)(ip - f.CodeStart);
        f.StackSize = (int)(sp - f.StackPointer);
        f.Gas = gas;
        f.Exit = exit;
        return true;
    }

    private static ExitReason StackFault(InstructionInfo* info, long used) =>
        !info->Defined ? ExitReason.InvalidOpcode : used < info->MinStackBytes ? ExitReason.StackUnderflow : ExitReason.StackOverflow;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Sync(CallFrame f, UInt256* sp, long gas)
    {
        f.StackSize = (int)(sp - f.StackPointer);
        f.Gas = gas;
    }
}
