namespace Rollup.Evm.Execution;

public enum CallKind : byte { Call, CallCode, DelegateCall, StaticCall, Create, Create2 }

public static class CallKindExtensions
{
    public static bool IsCreate(this CallKind k) => k is CallKind.Create or CallKind.Create2;
}
