namespace Rollup.Core.Rlp;

/// <summary>RLP has two kinds of item: a byte string (which also carries integers) and a list of items.</summary>
public enum RlpKind { String, List }
