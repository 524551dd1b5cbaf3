using Rollup.Core.Types;

namespace Rollup.Circuits.Evm.Math;

/// <summary>An address (one field element in the RW and tx tables' address columns) as the 256-bit word the EVM sees
/// (in call context values and on the stack): 20 range-checked bytes that recombine to the address, read as limbs
/// lo = bytes 0..15, hi = bytes 16..19. The bytes make the split canonical.</summary>
public sealed class AddressWord
{
    private readonly SmallNumber _bytes;

    private AddressWord(SmallNumber bytes) => _bytes = bytes;

    public Limbs Limbs
    {
        get
        {
            var lo = new SmallNumber(_bytes.Bytes[..16]).Value;
            var hi = new SmallNumber(_bytes.Bytes[16..]).Value;
            return new Limbs(lo, hi);
        }
    }

    public static AddressWord Require(GadgetBuilder b, string name, Plonk.Circuit.Expression address) =>
        new(SmallNumber.Require(b, name, address, bytes: 20));

    public void Assign(StepContext step, in Address address)
    {
        var be = address.Bytes;
        for (int i = 0; i < 20; i++) step.Set(_bytes.Bytes[i], be[19 - i]);
    }
}
