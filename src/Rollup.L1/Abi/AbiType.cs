namespace Rollup.L1.Abi;

/// <summary>A Solidity ABI type. <see cref="Name"/> is the canonical spelling used in signatures (uint256, not uint;
/// tuples as (t1,t2)), so selectors and event topics are computed from it. Values, in both directions:
/// uintN ↔ <see cref="Rollup.Core.Numerics.UInt256"/>, intN ↔ <see cref="System.Numerics.BigInteger"/>,
/// address ↔ <see cref="Rollup.Core.Types.Address"/>, bool ↔ bool, bytes32 ↔ <see cref="Rollup.Core.Types.Hash256"/>,
/// other bytesN and bytes ↔ byte[], string ↔ string, arrays and tuples ↔ object?[].</summary>
public abstract record AbiType
{
    public abstract string Name { get; }

    /// <summary>Dynamic values sit in the tail of their enclosing tuple, reached through an offset in the head.</summary>
    public abstract bool IsDynamic { get; }

    /// <summary>Bytes a value takes in its enclosing head: 32 for dynamic values (their offset) and for the
    /// elementary types; the whole inline encoding for static arrays and tuples.</summary>
    public virtual int HeadSize => 32;

    public override string ToString() => Name;

    public static AbiType Parse(string type) => AbiTypeParser.Parse(type);
}

public sealed record UIntType(int Bits) : AbiType
{
    public override string Name => $"uint{Bits}";
    public override bool IsDynamic => false;
}

public sealed record IntType(int Bits) : AbiType
{
    public override string Name => $"int{Bits}";
    public override bool IsDynamic => false;
}

public sealed record AddressType : AbiType
{
    public static readonly AddressType Instance = new();
    public override string Name => "address";
    public override bool IsDynamic => false;
}

public sealed record BoolType : AbiType
{
    public static readonly BoolType Instance = new();
    public override string Name => "bool";
    public override bool IsDynamic => false;
}

/// <summary>bytes1 … bytes32: left-aligned in one word.</summary>
public sealed record FixedBytesType(int Size) : AbiType
{
    public override string Name => $"bytes{Size}";
    public override bool IsDynamic => false;
}

public sealed record BytesType : AbiType
{
    public static readonly BytesType Instance = new();
    public override string Name => "bytes";
    public override bool IsDynamic => true;
}

public sealed record StringType : AbiType
{
    public static readonly StringType Instance = new();
    public override string Name => "string";
    public override bool IsDynamic => true;
}

/// <summary>T[] when <see cref="Length"/> is null, T[k] otherwise.</summary>
public sealed record ArrayType(AbiType Element, int? Length) : AbiType
{
    public override string Name => Length is { } k ? $"{Element.Name}[{k}]" : $"{Element.Name}[]";
    public override bool IsDynamic => Length is null || Element.IsDynamic;
    public override int HeadSize => IsDynamic ? 32 : Length!.Value * Element.HeadSize;
}

public sealed record TupleType(IReadOnlyList<AbiParameter> Components) : AbiType
{
    public override string Name => "(" + string.Join(",", Components.Select(c => c.Type.Name)) + ")";
    public override bool IsDynamic => Components.Any(c => c.Type.IsDynamic);
    public override int HeadSize => IsDynamic ? 32 : Components.Sum(c => c.Type.HeadSize);

    public bool Equals(TupleType? other) =>
        other is not null && Components.Select(c => c.Type).SequenceEqual(other.Components.Select(c => c.Type));

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

    public static TupleType Of(IEnumerable<AbiType> types) => new(types.Select((t, i) => new AbiParameter($"_{i}", t)).ToArray());
}
