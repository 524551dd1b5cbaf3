using Rollup.Core.Chain;
using Rollup.Core.Types;

namespace Rollup.Evm.Precompiles;

/// <summary>The precompiled contracts active at a fork, by address: 0x01–0x04 since Frontier, 0x05–0x08 since
/// Byzantium, 0x09 since Istanbul, 0x0a (KZG point evaluation, EIP-4844) since Cancun.</summary>
public sealed class PrecompileSet
{
    private readonly IPrecompile?[] _byLastByte = new IPrecompile?[256];
    private readonly List<Address> _addresses = [];

    public IReadOnlyList<Address> Addresses => _addresses;

    private PrecompileSet(ForkRules rules)
    {
        Add(0x01, new EcRecoverPrecompile());
        Add(0x02, new Sha256Precompile());
        Add(0x03, new Ripemd160Precompile());
        Add(0x04, new IdentityPrecompile());
        if (rules.IsByzantium)
        {
            Add(0x05, new ModExpPrecompile());
            Add(0x06, new Bn254AddPrecompile());
            Add(0x07, new Bn254MulPrecompile());
            Add(0x08, new Bn254PairingPrecompile());
        }
        if (rules.IsIstanbul) Add(0x09, new Blake2FPrecompile());
        if (rules.IsCancun) Add(0x0a, new PointEvaluationPrecompile());
    }

    private void Add(byte last, IPrecompile precompile)
    {
        _byLastByte[last] = precompile;
        Span<byte> bytes = stackalloc byte[20];
        bytes[19] = last;
        _addresses.Add(new Address(bytes));
    }

    private static readonly PrecompileSet[] ByFork = Enum.GetValues<Fork>().Select(f => new PrecompileSet(ForkRules.For(f))).ToArray();

    public static PrecompileSet For(ForkRules rules) => ByFork[(int)rules.Fork];

    public bool TryGet(in Address address, out IPrecompile? precompile)
    {
        precompile = null;
        var bytes = address.Bytes;
        // Precompile addresses are 19 zero bytes then a small number.
        if (bytes[19] == 0 || bytes[..19].IndexOfAnyExcept((byte)0) >= 0) return false;
        precompile = _byLastByte[bytes[19]];
        return precompile is not null;
    }

    public bool Contains(in Address address) => TryGet(address, out _);
}
