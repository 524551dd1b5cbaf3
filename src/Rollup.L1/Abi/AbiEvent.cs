using Rollup.Core.Crypto;
using Rollup.Core.Types;

namespace Rollup.L1.Abi;

/// <summary>A contract event. Its first topic is keccak256 of its signature; indexed inputs are the next topics (a
/// dynamic indexed value appears only as its keccak256, so it decodes to a <see cref="Hash256"/>); the other inputs
/// are ABI-encoded in the log's data.</summary>
public sealed class AbiEvent
{
    public string Name { get; }
    public IReadOnlyList<AbiParameter> Inputs { get; }
    public bool Anonymous { get; }
    public string Signature { get; }
    public Hash256 Topic0 { get; }

    public AbiEvent(string name, IReadOnlyList<AbiParameter> inputs, bool anonymous = false)
    {
        Name = name;
        Inputs = inputs;
        Anonymous = anonymous;
        Signature = AbiSignature.Of(name, inputs);
        Topic0 = Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(Signature));
    }

    /// <summary>True when the log could be this event: its first topic is this event's.</summary>
    public bool Matches(IReadOnlyList<Hash256> topics) => !Anonymous && topics.Count > 0 && topics[0] == Topic0;

    /// <summary>The inputs' values by name, in declaration order.</summary>
    /// <exception cref="AbiDecodingException">when the topics or data do not fit the event.</exception>
    public DecodedEvent Decode(IReadOnlyList<Hash256> topics, ReadOnlySpan<byte> data)
    {
        int indexedCount = Inputs.Count(p => p.Indexed);
        int firstTopic = Anonymous ? 0 : 1;
        if (!Anonymous && !Matches(topics)) throw new AbiDecodingException($"log is not a {Signature} event");
        if (topics.Count != firstTopic + indexedCount)
            throw new AbiDecodingException($"{Signature} has {indexedCount} indexed inputs but the log has {topics.Count - firstTopic} topics");

        var unindexed = AbiDecoder.Decode(Inputs.Where(p => !p.Indexed).Select(p => p.Type).ToArray(), data);
        var values = new object?[Inputs.Count];
        int topic = firstTopic, field = 0;
        for (int i = 0; i < Inputs.Count; i++)
        {
            var input = Inputs[i];
            if (!input.Indexed) values[i] = unindexed[field++];
            else if (input.Type.IsDynamic || input.Type is ArrayType or TupleType) values[i] = topics[topic++];
            else values[i] = AbiDecoder.DecodeValue(input.Type, topics[topic++].Bytes);
        }
        return new DecodedEvent(this, values);
    }

    public override string ToString() => Signature;
}

/// <summary>An event's values, readable by position or by input name.</summary>
public sealed record DecodedEvent(AbiEvent Event, IReadOnlyList<object?> Values)
{
    public string Name => Event.Name;

    public object? this[string name]
    {
        get
        {
            for (int i = 0; i < Event.Inputs.Count; i++)
                if (Event.Inputs[i].Name == name) return Values[i];
            throw new KeyNotFoundException($"{Event.Signature} has no input named '{name}'");
        }
    }

    public override string ToString() => AbiFormatter.Call(Event.Name, Event.Inputs, Values);
}
