using Rollup.Core.Numerics;
using Rollup.Core.Types;
using Rollup.Evm.Gas;
using Rollup.Evm.Interpreter;
using Rollup.Evm.Precompiles;
using Rollup.Evm.Tracing;

namespace Rollup.Evm.Execution;

/// <summary>Runs a message and every call and create it makes. Calls are not recursive C# calls: frames sit on an
/// explicit stack, so 1,024 nested calls need no deep thread stack. A frame that asks for a sub-call is suspended;
/// the sub-call either finishes at once (precompile, empty code, failed precondition) or gets a frame of its own.</summary>
public sealed class EvmExecutor
{
    private readonly ExecutionEnvironment _env;
    private readonly PrecompileSet _precompiles;
    private readonly List<CallFrame> _frames = [];
    private readonly Stack<CallFrame> _pool = new();
    private int _nextCallId;

    public EvmExecutor(ExecutionEnvironment env)
    {
        _env = env;
        _precompiles = PrecompileSet.For(env.Rules);
    }

    public PrecompileSet Precompiles => _precompiles;

    /// <summary>Runs a top-level message to completion.</summary>
    public CallResult Execute(Message root)
    {
        if (!TryStart(root, out var first, out var immediate)) return immediate;
        _frames.Add(first);
        while (true)
        {
            var frame = _frames[^1];
            bool halted = _env.Tracer is null
                ? EvmInterpreter.Run<NoTracing>(frame)
                : EvmInterpreter.Run<WithTracing>(frame);

            if (!halted)
            {
                var message = frame.PendingMessage!;
                frame.PendingMessage = null;
                if (TryStart(message, out var child, out var result)) _frames.Add(child);
                else Resume(frame, message, result);
                continue;
            }

            var done = Finish(frame);
            _frames.RemoveAt(_frames.Count - 1);
            var finishedMessage = frame.Message;
            Release(frame);
            if (_frames.Count == 0) return done;
            Resume(_frames[^1], finishedMessage, done);
        }
    }

    /// <summary>Checks the message's preconditions and sets up its state changes. Returns a frame to run, or the
    /// result directly when there is no code to run or the call cannot start.</summary>
    private bool TryStart(Message m, out CallFrame frame, out CallResult result)
    {
        frame = null!;
        var state = _env.State;
        var rules = _env.Rules;

        // Failures here return the gas: nothing ran.
        if (m.Depth > EvmLimits.CallDepthLimit || (m.TransfersValue && state.GetBalance(m.Sender) < m.Value))
        {
            result = FailedToStart(m);
            return false;
        }

        if (m.Kind.IsCreate()) return TryStartCreate(m, out frame, out result);

        int snapshot = state.TakeSnapshot();
        var target = m.Recipient;
        bool isPrecompile = _precompiles.TryGet(m.CodeAddress, out var precompile);
        if (m.Kind == CallKind.Call && !state.AccountExists(target))
        {
            // Spurious Dragon: a value-less call to a missing account does not create it.
            if (!isPrecompile && rules.IsEip158 && m.Value.IsZero)
            {
                result = Enter(m, new CallResult(ExitReason.Stop, m.Gas, []));
                return false;
            }
        }
        if (m.TransfersValue) Transfer(m.Sender, target, m.Value);

        if (isPrecompile)
        {
            result = Enter(m, RunPrecompile(precompile!, m, snapshot));
            return false;
        }

        var code = state.GetCode(m.CodeAddress);
        if (code.Length == 0)
        {
            result = Enter(m, new CallResult(ExitReason.Stop, m.Gas, []));
            return false;
        }
        frame = Rent();
        frame.Reset(_env, m, CodeInfo.ForDeployed(state.GetCodeHash(m.CodeAddress), code), snapshot, _nextCallId++);
        _env.Tracer?.OnCallEnter(_env, frame);
        result = default;
        return true;
    }

    private bool TryStartCreate(Message m, out CallFrame frame, out CallResult result)
    {
        frame = null!;
        var state = _env.State;
        var rules = _env.Rules;
        ulong nonce = state.GetNonce(m.Sender);
        if (nonce == ulong.MaxValue) // EIP-2681
        {
            result = FailedToStart(m);
            return false;
        }
        state.SetNonce(m.Sender, nonce + 1);
        var address = m.Kind == CallKind.Create2
            ? ContractAddress.FromSalt(m.Sender, m.Salt, m.Input)
            : ContractAddress.FromNonce(m.Sender, nonce);
        if (rules.IsBerlin) state.WarmAccount(address);

        // A create onto an address with code or a nonce fails and keeps all its gas.
        if (state.GetNonce(address) != 0 || state.GetCode(address).Length != 0 || state.HasStorage(address))
        {
            result = new CallResult(ExitReason.CreateCollision, 0, []);
            return false;
        }

        int snapshot = state.TakeSnapshot();
        state.CreateAccount(address);
        if (rules.IsEip158) state.SetNonce(address, 1);
        Transfer(m.Sender, address, m.Value);

        var message = new Message
        {
            Kind = m.Kind, Depth = m.Depth, Gas = m.Gas, Sender = m.Sender, Recipient = address, CodeAddress = address,
            Value = m.Value, TransfersValue = true, Input = [], IsStatic = false, Salt = m.Salt,
        };
        frame = Rent();
        frame.Reset(_env, message, new CodeInfo(m.Input), snapshot, _nextCallId++);
        _env.Tracer?.OnCallEnter(_env, frame);
        result = default;
        return true;
    }

    /// <summary>A call that could not start (too deep, too poor, nonce exhausted): it fails but keeps its gas,
    /// like a revert with no data.</summary>
    private static CallResult FailedToStart(Message m) => new(ExitReason.Revert, m.Gas, []);

    private void Transfer(in Address from, in Address to, in UInt256 value)
    {
        var state = _env.State;
        state.SubtractBalance(from, value);
        state.AddBalance(to, value);
    }

    private CallResult RunPrecompile(IPrecompile precompile, Message m, int snapshot)
    {
        long cost = precompile.RequiredGas(m.Input, _env.Rules);
        if (cost > m.Gas)
        {
            _env.State.RevertToSnapshot(snapshot);
            return CallResult.Failed(ExitReason.OutOfGas);
        }
        if (!precompile.Run(m.Input, _env.Rules, out var output))
        {
            _env.State.RevertToSnapshot(snapshot);
            return CallResult.Failed(ExitReason.PrecompileFailure);
        }
        return new CallResult(ExitReason.Return, m.Gas - cost, output);
    }

    /// <summary>For calls that never got a frame: tracers still see them begin and end.</summary>
    private CallResult Enter(Message m, CallResult result)
    {
        if (_env.Tracer is { } tracer)
        {
            var ghost = Rent();
            ghost.Reset(_env, m, CodeInfo.Empty, 0, _nextCallId++);
            tracer.OnCallEnter(_env, ghost);
            tracer.OnCallExit(_env, ghost, result.Reason, result.GasLeft, result.Output);
            Release(ghost);
        }
        return result;
    }

    /// <summary>Turns a halted frame into its result: deploys code for a successful create, reverts the frame's
    /// changes on failure, and burns the gas on an exceptional halt.</summary>
    private CallResult Finish(CallFrame f)
    {
        var state = _env.State;
        var rules = _env.Rules;
        var reason = f.Exit;
        long gas = f.Gas;
        byte[] output = f.Output;
        Address? created = null;

        if (reason.IsSuccess() && f.Message.Kind.IsCreate())
        {
            var failure = DepositCode(f, ref gas, output);
            if (failure is { } why) reason = why;
            else created = f.Message.Recipient;
            output = [];
        }

        CallResult result;
        if (reason.IsSuccess()) result = new CallResult(reason, gas, output, created);
        else if (reason == ExitReason.Revert)
        {
            state.RevertToSnapshot(f.Snapshot);
            result = new CallResult(reason, gas, output);
        }
        else
        {
            state.RevertToSnapshot(f.Snapshot);
            result = CallResult.Failed(reason);
        }
        _env.Tracer?.OnCallExit(_env, f, result.Reason, result.GasLeft, result.Output);
        return result;

        ExitReason? DepositCode(CallFrame frame, ref long gasLeft, byte[] code)
        {
            if (rules.IsEip158 && code.Length > EvmLimits.MaxCodeSize) return ExitReason.CodeSizeLimit;
            if (rules.IsLondon && code.Length > 0 && code[0] == 0xEF) return ExitReason.InvalidCodePrefix; // EIP-3541
            long cost = GasCosts.CodeDeposit * code.Length;
            if (cost > gasLeft)
            {
                if (rules.IsHomestead) return ExitReason.OutOfGas;
                code = []; // Frontier: the contract is created, just without code
                cost = 0;
            }
            gasLeft -= cost;
            state.SetCode(frame.Message.Recipient, code);
            return null;
        }
    }

    /// <summary>Continues the frame that made a call: pushes the success flag (or the new address), copies the
    /// return data into its memory and gives it back the unused gas.</summary>
    private unsafe void Resume(CallFrame parent, Message call, CallResult result)
    {
        bool isCreate = call.Kind.IsCreate();
        parent.Gas += result.GasLeft;
        if (isCreate)
        {
            parent.ReturnData = result.Reason == ExitReason.Revert ? result.Output : [];
            parent.StackPointer[parent.StackSize++] = result.Success && result.CreatedAddress is { } a ? EvmWord.FromAddress(a) : UInt256.Zero;
        }
        else
        {
            parent.ReturnData = result.Output;
            int copy = (int)Math.Min((ulong)result.Output.Length, parent.ReturnLength);
            if (copy > 0) result.Output.AsSpan(0, copy).CopyTo(parent.Memory.Slice(parent.ReturnOffset, (ulong)copy));
            parent.StackPointer[parent.StackSize++] = result.Success ? UInt256.One : UInt256.Zero;
        }
        _env.Tracer?.OnStepEnd(_env, parent, parent.Gas);
    }

    private CallFrame Rent() => _pool.Count > 0 ? _pool.Pop() : new CallFrame();

    private void Release(CallFrame frame)
    {
        frame.Message = null!;
        frame.Output = [];
        frame.ReturnData = [];
        _pool.Push(frame);
    }
}
