namespace Rollup.Evm.Execution;

/// <summary>Why a call frame stopped running. The first three end it normally; everything from
/// <see cref="OutOfGas"/> on is an exceptional halt that consumes all the frame's gas and reverts its changes.</summary>
public enum ExitReason : byte
{
    /// <summary>Not halted: what an instruction handler returns to let the frame go on.</summary>
    Running,
    Stop,
    Return,
    Revert,
    /// <summary>SELFDESTRUCT ran: a normal end, like STOP.</summary>
    SelfDestruct,

    OutOfGas,
    InvalidOpcode,
    StackUnderflow,
    StackOverflow,
    InvalidJump,
    /// <summary>A state change (SSTORE, LOG, CREATE, value CALL, SELFDESTRUCT, TSTORE) inside STATICCALL.</summary>
    StaticStateChange,
    /// <summary>RETURNDATACOPY past the end of the return data buffer.</summary>
    ReturnDataOutOfBounds,
    /// <summary>Deployed code over the EIP-170 limit.</summary>
    CodeSizeLimit,
    /// <summary>EIP-3541: deployed code starting with 0xEF.</summary>
    InvalidCodePrefix,
    /// <summary>CREATE/CREATE2 onto an address that has code or a nonce.</summary>
    CreateCollision,
    /// <summary>A precompile rejected its input.</summary>
    PrecompileFailure,
    /// <summary>Initcode over the EIP-3860 limit in CREATE/CREATE2.</summary>
    InitCodeSizeLimit,
    /// <summary>The nonce of the creating account would pass 2^64 − 1.</summary>
    NonceOverflow,
}

public static class ExitReasonExtensions
{
    public static bool IsSuccess(this ExitReason r) => r is ExitReason.Stop or ExitReason.Return or ExitReason.SelfDestruct;
    public static bool IsExceptional(this ExitReason r) => r >= ExitReason.OutOfGas;
}
