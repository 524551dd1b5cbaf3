namespace Rollup.Core.Rlp;

/// <summary>RLP input that is malformed or not in canonical form.</summary>
/// <param name="error">What is wrong, for callers that react to the kind (tests, error codes).</param>
/// <param name="offset">Where in the outermost input the offending item or header starts.</param>
public sealed class RlpException(RlpError error, int offset, string message)
    : FormatException($"invalid RLP at offset {offset}: {message}")
{
    public RlpError Error { get; } = error;
    public int Offset { get; } = offset;
}
