using Rollup.Core.Numerics;
using Rollup.Core.Rlp;
using Rollup.Core.Types;

namespace Rollup.Core.Transactions;

/// <summary>Decodes a transaction from its network encoding, strictly: every field must have its canonical form and
/// size, and each violation is reported as its own <see cref="TxError"/> naming the field. Fork rules and the
/// signature are checked afterwards by <see cref="TransactionValidator"/>.</summary>
public static class TransactionDecoder
{
    /// <param name="rules">When given, a typed transaction of a type the fork does not know is rejected as
    /// <see cref="TxError.TypeNotSupported"/> before its fields' value ranges are judged (but after their RLP form,
    /// which is checked whatever the fork).</param>
    /// <exception cref="TxException">when the bytes are not a well-formed transaction.</exception>
    public static Transaction Decode(ReadOnlySpan<byte> encoded, Chain.ForkRules? rules = null)
    {
        if (encoded.Length == 0) throw new TxException(TxError.MalformedRlp, "empty input");
        byte first = encoded[0];
        try
        {
            if (first >= 0xc0)
            {
                var legacyErrors = new FieldErrors();
                var legacy = DecodeLegacy(encoded, ref legacyErrors);
                legacyErrors.ThrowIfAny();
                return legacy;
            }
            if (first >= 0x80)
            {
                // An RLP string is not a transaction on the wire. Block bodies wrap typed transactions this way, so
                // look inside to say precisely what is wrong: a broken typed payload is malformed RLP, anything
                // else an unsupported type. Either way it is rejected: the canonical form has no wrapper.
                var reader = new RlpReader(encoded);
                var inner = reader.ReadBytes();
                if (inner.Length > 0 && inner[0] is >= (byte)TxType.AccessList and <= (byte)TxType.Blob)
                {
                    var ignored = new FieldErrors();
                    DecodeTyped((TxType)inner[0], inner[1..], ref ignored);
                }
                throw new TxException(TxError.TypeNotSupported, "a transaction is an RLP list or a typed envelope, not an RLP string");
            }
            if (first is < (byte)TxType.AccessList or > (byte)TxType.Blob)
                throw new TxException(TxError.TypeNotSupported, $"transaction type 0x{first:x2} is not supported");
            var fields = new FieldErrors();
            var tx = DecodeTyped((TxType)first, encoded[1..], ref fields);
            if (rules is not null && !rules.Supports(tx.Type))
                throw new TxException(TxError.TypeNotSupported, $"type {first} transactions are not valid at {rules.Fork}");
            fields.ThrowIfAny();
            return tx;
        }
        catch (RlpException e)
        {
            throw new TxException(TxError.MalformedRlp, $"malformed RLP: {e.Message}");
        }
    }

    private static Transaction DecodeLegacy(ReadOnlySpan<byte> encoded, ref FieldErrors errors)
    {
        var outer = new RlpReader(encoded);
        var list = outer.ReadList();
        outer.EnsureEnd();
        CheckFieldCount(list, 9);

        ulong nonce = ReadU64(ref list, ref errors, TxField.Nonce, TxError.NonceOverflow);
        var gasPrice = ReadU256(ref list, ref errors, TxField.GasPrice, TxError.GasPriceOverflow);
        ulong gasLimit = ReadU64(ref list, ref errors, TxField.GasLimit, TxError.GasLimitOverflow);
        var to = ReadTo(ref list);
        var value = ReadU256(ref list, ref errors, TxField.Value, TxError.ValueOverflow);
        var data = ReadData(ref list);
        var v = ReadU256(ref list, ref errors, TxField.V, TxError.InvalidSignature);
        var r = ReadU256(ref list, ref errors, TxField.R, TxError.InvalidSignature);
        var s = ReadU256(ref list, ref errors, TxField.S, TxError.InvalidSignature);

        // EIP-155: v = chainId·2 + 35 or 36 carries the chain id; 27/28 (or anything else) carries none.
        UInt256? chainId = v >= 35 ? (v - 35) / 2 : null;
        return new Transaction
        {
            Type = TxType.Legacy, ChainId = chainId, Nonce = nonce, MaxFeePerGas = gasPrice, MaxPriorityFeePerGas = gasPrice,
            GasLimit = gasLimit, To = to, Value = value, Data = data, V = v, R = r, S = s,
        };
    }

    private static Transaction DecodeTyped(TxType type, ReadOnlySpan<byte> payload, ref FieldErrors errors)
    {
        var outer = new RlpReader(payload);
        var list = outer.ReadList();
        outer.EnsureEnd();
        CheckFieldCount(list, type switch { TxType.AccessList => 11, TxType.DynamicFee => 12, _ => 14 });

        var chainId = ReadU256(ref list, ref errors, TxField.ChainId, TxError.InvalidChainId);
        ulong nonce = ReadU64(ref list, ref errors, TxField.Nonce, TxError.NonceOverflow);
        UInt256 tip, feeCap;
        if (type == TxType.AccessList)
        {
            tip = feeCap = ReadU256(ref list, ref errors, TxField.GasPrice, TxError.GasPriceOverflow);
        }
        else
        {
            tip = ReadU256(ref list, ref errors, TxField.MaxPriorityFeePerGas, TxError.PriorityFeeOverflow);
            feeCap = ReadU256(ref list, ref errors, TxField.MaxFeePerGas, TxError.GasPriceOverflow);
        }
        ulong gasLimit = ReadU64(ref list, ref errors, TxField.GasLimit, TxError.GasLimitOverflow);
        var to = ReadTo(ref list);
        var value = ReadU256(ref list, ref errors, TxField.Value, TxError.ValueOverflow);
        var data = ReadData(ref list);
        var accessList = ReadAccessList(ref list);

        UInt256 blobFeeCap = default;
        IReadOnlyList<Hash256> blobHashes = [];
        if (type == TxType.Blob)
        {
            blobFeeCap = ReadU256(ref list, ref errors, TxField.MaxFeePerBlobGas, TxError.GasPriceOverflow);
            blobHashes = ReadBlobHashes(ref list);
            if (to is null) throw new TxException(TxError.BlobContractCreation, "blob transactions cannot create contracts", TxField.To);
        }
        var yParity = ReadU256(ref list, ref errors, TxField.V, TxError.InvalidSignature);
        var r = ReadU256(ref list, ref errors, TxField.R, TxError.InvalidSignature);
        var s = ReadU256(ref list, ref errors, TxField.S, TxError.InvalidSignature);

        return new Transaction
        {
            Type = type, ChainId = chainId, Nonce = nonce, MaxPriorityFeePerGas = tip, MaxFeePerGas = feeCap, GasLimit = gasLimit,
            To = to, Value = value, Data = data, AccessList = accessList, MaxFeePerBlobGas = blobFeeCap,
            BlobVersionedHashes = blobHashes, V = yParity, R = r, S = s,
        };
    }

    private static void CheckFieldCount(RlpReader list, int expected)
    {
        int count = 0;
        while (!list.AtEnd) { list.Skip(); count++; }
        if (count < expected) throw new TxException(TxError.TooFewFields, $"{count} fields, expected {expected}");
        if (count > expected) throw new TxException(TxError.TooManyFields, $"{count} fields, expected {expected}");
    }

    /// <summary>A field that must be a byte string: a list there is reported against the field.</summary>
    private static ReadOnlySpan<byte> ReadString(ref RlpReader list, TxField field)
    {
        if (list.PeekKind() == RlpKind.List) throw new TxException(TxError.FieldIsList, $"{field} must be a byte string, found a list", field);
        return list.ReadBytes();
    }

    /// <summary>An integer field. A leading zero byte breaks RLP's canonical form and is thrown at once; a value too
    /// large for the field is a range error, recorded and thrown after the whole transaction decoded (so that an
    /// unsupported type is reported first). The gas limit is the exception the fixtures make: too long wins
    /// over leading zeros there.</summary>
    private static ReadOnlySpan<byte> ReadInteger(ref RlpReader list, ref FieldErrors errors, TxField field, int maxBytes, TxError tooLarge)
    {
        var bytes = ReadString(ref list, field);
        bool tooLong = bytes.Length > maxBytes;
        if (tooLong && field == TxField.GasLimit) throw new TxException(tooLarge, $"{field} has {bytes.Length} bytes, at most {maxBytes}", field);
        if (bytes.Length > 0 && bytes[0] == 0) throw new TxException(TxError.LeadingZeros, $"{field} has leading zero bytes", field);
        if (tooLong)
        {
            errors.Record(new TxException(tooLarge, $"{field} has {bytes.Length} bytes, at most {maxBytes}", field));
            return [];
        }
        return bytes;
    }

    private static ulong ReadU64(ref RlpReader list, ref FieldErrors errors, TxField field, TxError tooLarge)
    {
        ulong value = 0;
        foreach (byte b in ReadInteger(ref list, ref errors, field, 8, tooLarge)) value = value << 8 | b;
        return value;
    }

    private static UInt256 ReadU256(ref RlpReader list, ref FieldErrors errors, TxField field, TxError tooLarge) =>
        UInt256.FromBigEndian(ReadInteger(ref list, ref errors, field, 32, tooLarge));

    /// <summary>The first range error met while decoding, thrown once decoding is complete.</summary>
    private struct FieldErrors
    {
        private TxException? _first;
        public void Record(TxException e) => _first ??= e;
        public readonly void ThrowIfAny() { if (_first is not null) throw _first; }
    }

    private static Address? ReadTo(ref RlpReader list)
    {
        var bytes = ReadString(ref list, TxField.To);
        if (bytes.Length == 0) return null;
        if (bytes.Length < Address.Size) throw new TxException(TxError.AddressTooShort, $"recipient has {bytes.Length} bytes, expected 20", TxField.To);
        if (bytes.Length > Address.Size) throw new TxException(TxError.AddressTooLong, $"recipient has {bytes.Length} bytes, expected 20", TxField.To);
        return new Address(bytes);
    }

    private static byte[] ReadData(ref RlpReader list) => ReadString(ref list, TxField.Data).ToArray();

    private static IReadOnlyList<AccessListEntry> ReadAccessList(ref RlpReader list)
    {
        if (list.PeekKind() != RlpKind.List) throw new TxException(TxError.MalformedRlp, "the access list must be a list", TxField.AccessList);
        var items = list.ReadList();
        var entries = new List<AccessListEntry>();
        while (!items.AtEnd)
        {
            var item = items.ReadList();
            var address = item.ReadBytes();
            if (address.Length < Address.Size) throw new TxException(TxError.AccessListAddressTooShort, $"access list address has {address.Length} bytes", TxField.AccessList);
            if (address.Length > Address.Size) throw new TxException(TxError.AccessListAddressTooLong, $"access list address has {address.Length} bytes", TxField.AccessList);
            var keyList = item.ReadList();
            var keys = new List<Hash256>();
            while (!keyList.AtEnd)
            {
                var key = keyList.ReadBytes();
                if (key.Length < 32) throw new TxException(TxError.AccessListStorageKeyTooShort, $"storage key has {key.Length} bytes", TxField.AccessList);
                if (key.Length > 32) throw new TxException(TxError.AccessListStorageKeyTooLong, $"storage key has {key.Length} bytes", TxField.AccessList);
                keys.Add(new Hash256(key));
            }
            item.EnsureEnd();
            entries.Add(new AccessListEntry(new Address(address), keys));
        }
        return entries;
    }

    private static IReadOnlyList<Hash256> ReadBlobHashes(ref RlpReader list)
    {
        var hashes = new List<Hash256>();
        var items = list.ReadList();
        while (!items.AtEnd)
        {
            var h = items.ReadBytes();
            if (h.Length != 32) throw new TxException(TxError.InvalidBlobField, $"a versioned hash is 32 bytes, got {h.Length}", TxField.BlobVersionedHashes);
            hashes.Add(new Hash256(h));
        }
        return hashes;
    }
}
