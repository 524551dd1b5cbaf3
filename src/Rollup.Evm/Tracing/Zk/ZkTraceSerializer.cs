using System.Buffers;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.Evm.Tracing.Zk;

/// <summary>MessagePack for zk traces: how traces travel from the sequencer to prover workers. Words and addresses
/// are written as fixed-size big-endian binaries.</summary>
public static class ZkTraceSerializer
{
    public static readonly MessagePackSerializerOptions Options = MessagePackSerializerOptions.Standard.WithResolver(
        CompositeResolver.Create([new UInt256Formatter(), new AddressFormatter(), new Hash256Formatter()], [StandardResolver.Instance]));

    public static byte[] Serialize(ZkTrace trace) => MessagePackSerializer.Serialize(trace, Options);

    public static ZkTrace Deserialize(ReadOnlyMemory<byte> bytes) => MessagePackSerializer.Deserialize<ZkTrace>(bytes, Options);
}

public sealed class UInt256Formatter : IMessagePackFormatter<UInt256>
{
    public void Serialize(ref MessagePackWriter writer, UInt256 value, MessagePackSerializerOptions options)
    {
        writer.Write(value.ToBigEndian());
    }

    public UInt256 Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        var bytes = reader.ReadBytes() is { } b ? b : throw new MessagePackSerializationException("a 256-bit word is a 32-byte binary, found nil");
        if (bytes.Length != 32) throw new MessagePackSerializationException($"a 256-bit word is 32 bytes, found {bytes.Length}");
        return UInt256.FromBigEndian(BuffersExtensions.ToArray(bytes));
    }
}

public sealed class AddressFormatter : IMessagePackFormatter<Address>
{
    public void Serialize(ref MessagePackWriter writer, Address value, MessagePackSerializerOptions options) => writer.Write(value.ToArray());

    public Address Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        var bytes = reader.ReadBytes() is { } b ? b : throw new MessagePackSerializationException("an address is a 20-byte binary, found nil");
        if (bytes.Length != Address.Size) throw new MessagePackSerializationException($"an address is 20 bytes, found {bytes.Length}");
        return new Address(BuffersExtensions.ToArray(bytes));
    }
}

public sealed class Hash256Formatter : IMessagePackFormatter<Hash256>
{
    public void Serialize(ref MessagePackWriter writer, Hash256 value, MessagePackSerializerOptions options) => writer.Write(value.ToArray());

    public Hash256 Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        var bytes = reader.ReadBytes() is { } b ? b : throw new MessagePackSerializationException("a hash is a 32-byte binary, found nil");
        if (bytes.Length != Hash256.Size) throw new MessagePackSerializationException($"a hash is 32 bytes, found {bytes.Length}");
        return new Hash256(BuffersExtensions.ToArray(bytes));
    }
}
