using System.Numerics;
using System.Text;
using Rollup.Crypto.Bn254.Curves;
using Rollup.Crypto.Bn254.Fields;
using Rollup.Plonk.Circuit;
using Rollup.Plonk.Keys;
using Rollup.Plonk.Protocol;
using Rollup.Plonk.Transcript;

namespace Rollup.Plonk.Solidity;

/// <summary>The Yul both verifiers share — the straight-line one (<see cref="SolidityVerifierGenerator"/>) and the
/// interpreting one (<see cref="InterpretedVerifierGenerator"/>): helper functions, input validation, the transcript
/// replay, xⁿ and L₀(x), the public-input evaluations, the quotient identity and the final pairing. They differ only in
/// how they evaluate the constraints and where the openings' query list comes from.
/// <para>Malformed input — a wrong length, a coordinate ≥ q, a point off the curve, a scalar ≥ r — is rejected before
/// any precompile runs, so it costs little gas and never fails inside a precompile; a precompile that still fails
/// (only for want of gas) reverts.</para></summary>
internal sealed class VerifierYul
{
    public static readonly BigInteger R = Fr.Modulus, Q = Fq.Modulus;

    // Memory map (bytes). Scratch holds hash and precompile inputs; everything else has its own region.
    public const int Scratch = 0x80;        // 0x80 .. 0x27f
    public const int Vars = 0x280;          // x, y, v, u, L0, xn …   0x280 .. 0x4ff
    public const int SlotX = Vars, SlotY = Vars + 0x20, SlotV = Vars + 0x40, SlotU = Vars + 0x60, SlotL0 = Vars + 0x80;
    /// <summary>The two sums of points (64 bytes each) have 64 bytes of room after them for addScaled's product.</summary>
    public const int SlotXn = Vars + 0xa0, SlotLeft = Vars + 0xc0, SlotRight = Vars + 0x140;
    public const int SlotUPower = Vars + 0x1c0, SlotVPower = Vars + 0x1e0, SlotValue = Vars + 0x200, SlotNumerator = Vars + 0x220;
    /// <summary>Where per-verifier regions start.</summary>
    public const int Free = 0x500;

    public VerifyingKey Vk { get; }
    public ProtocolLayout Layout { get; }
    public ProtocolChallenges Pc { get; }
    public IReadOnlyList<int> InstanceLengths { get; }
    public int PointsBefore { get; }
    public int EvalOffset { get; }
    public int OpeningOffset { get; }
    public int ProofLength { get; }

    public VerifierYul(VerifyingKey vk, IReadOnlyList<int> instanceLengths)
    {
        Vk = vk;
        Layout = vk.Layout;
        var cs = Layout.System;
        if (instanceLengths.Count != cs.InstanceColumns.Count) throw new ArgumentException("one length per instance column");
        InstanceLengths = instanceLengths;
        Pc = new ProtocolChallenges(cs);
        PointsBefore = cs.AdviceColumns.Count + cs.Lookups.Count + Layout.PermutationChunks + cs.Lookups.Count + Layout.QuotientPieces;
        EvalOffset = 64 * PointsBefore;
        OpeningOffset = EvalOffset + 32 * Layout.Queries.Count;
        ProofLength = OpeningOffset + 64 * Layout.Rotations.Count;
    }

    /// <summary>The index of a committed polynomial's point in the proof (points are 64 bytes from the proof's start).</summary>
    public static int ProofPointIndex(PolyRef p, ProtocolLayout layout)
    {
        var cs = layout.System;
        return p.Kind switch
        {
            PolyKind.Advice => layout.AdviceCommitOrder.ToList().FindIndex(c => c.Index == p.Index),
            PolyKind.LookupMultiplicity => cs.AdviceColumns.Count + p.Index,
            PolyKind.PermutationProduct => cs.AdviceColumns.Count + cs.Lookups.Count + p.Index,
            PolyKind.LookupSum => cs.AdviceColumns.Count + cs.Lookups.Count + layout.PermutationChunks + p.Index,
            PolyKind.Quotient => cs.AdviceColumns.Count + 2 * cs.Lookups.Count + layout.PermutationChunks + p.Index,
            _ => throw new InvalidOperationException($"{p} is not committed"),
        };
    }

    public static int IndexOf(IReadOnlyList<PolyQuery> queries, PolyQuery q)
    {
        for (int i = 0; i < queries.Count; i++) if (queries[i].Equals(q)) return i;
        throw new InvalidOperationException($"{q.Poly} at rotation {q.Rotation} is not opened");
    }

    /// <summary>The contract's public constants (what callers and the deployer read back).</summary>
    public string PublicConstants() => $$"""
            bytes32 public constant VERIFYING_KEY_DIGEST = 0x{{Convert.ToHexStringLower(Vk.Digest)}};
            uint256 public constant PROOF_LENGTH = {{ProofLength}};
            uint256 public constant PUBLIC_INPUTS = {{InstanceLengths.Sum()}};
            // The scalar field r and the base field q of BN254 (constants cost no stack slots in assembly).
            uint256 internal constant R = {{Hex(R)}};
            uint256 internal constant Q = {{Hex(Q)}};
        """;

    /// <summary>The Yul helper functions the verifier body calls.</summary>
    public static string Functions() => $$"""
                    function reject() { mstore(0, 0) return(0, 32) }

                    // Inputs are validated before any precompile runs, so a precompile can then fail only for want
                    // of gas. That must revert, not return false: "false" means "invalid proof", and a false
                    // answer on low gas would let eth_estimateGas settle on a limit too low to verify anything.
                    function outOfGas() { revert(0, 0) }

                    function validPoint(x, y, q) -> ok {
                        ok := 1
                        if or(x, y) {
                            ok := and(and(lt(x, q), lt(y, q)), eq(mulmod(y, y, q), addmod(mulmod(mulmod(x, x, q), x, q), 3, q)))
                        }
                    }

                    function absorbScalar(state, s) -> next {
                        mstore({{Scratch}}, state)
                        mstore8({{Scratch + 32}}, 1)
                        mstore({{Scratch + 33}}, s)
                        next := keccak256({{Scratch}}, 65)
                    }

                    // Absorbs count points from calldata at start (64 bytes each), one message each. The loop keeps
                    // the message in Scratch: the tag byte at Scratch + 32 is written once, state and point per hash.
                    function absorbPoints(state, start, count) -> next {
                        mstore8({{Scratch + 32}}, 2)
                        next := state
                        for { let end := add(start, shl(6, count)) } lt(start, end) { start := add(start, 64) } {
                            mstore({{Scratch}}, next)
                            calldatacopy({{Scratch + 33}}, start, 64)
                            next := keccak256({{Scratch}}, 97)
                        }
                    }

                    // Absorbs count scalars from memory at ptr (32 bytes each), one message each, as absorbPoints does.
                    function absorbScalars(state, ptr, count) -> next {
                        mstore8({{Scratch + 32}}, 1)
                        next := state
                        for { let end := add(ptr, shl(5, count)) } lt(ptr, end) { ptr := add(ptr, 32) } {
                            mstore({{Scratch}}, next)
                            mstore({{Scratch + 33}}, mload(ptr))
                            next := keccak256({{Scratch}}, 65)
                        }
                    }

                    function challenge(state, r) -> next, c {
                        mstore({{Scratch}}, state)
                        mstore8({{Scratch + 32}}, 3)
                        next := keccak256({{Scratch}}, 33)
                        c := mod(next, r)
                    }

                    function inverse(a, r) -> result {
                        mstore({{Scratch}}, 32)
                        mstore({{Scratch + 0x20}}, 32)
                        mstore({{Scratch + 0x40}}, 32)
                        mstore({{Scratch + 0x60}}, a)
                        mstore({{Scratch + 0x80}}, sub(r, 2))
                        mstore({{Scratch + 0xa0}}, r)
                        if iszero(staticcall(gas(), 5, {{Scratch}}, 0xc0, {{Scratch}}, 0x20)) { outOfGas() }
                        result := mload({{Scratch}})
                    }

                    function pow(base, e, r) -> result {
                        result := 1
                        for { } e { e := shr(1, e) } {
                            if and(e, 1) { result := mulmod(result, base, r) }
                            base := mulmod(base, base, r)
                        }
                    }

                    // I(z) = (zⁿ − 1)/n · Σ_j v_j·ω^j/(z − ω^j) over the public inputs v_j (zero ones skipped). The sum
                    // is kept as one fraction num/den, so a column costs one inverse (a 0x05 call, ~4,000 gas since
                    // Osaka) instead of one per input. z − ω^j ≠ 0: zⁿ = xⁿ ≠ 1 was checked, and (ω^j)ⁿ = 1.
                    function instanceEval(inputs, start, count, z, n, omega, nInverse) -> result {
                        let num := 0
                        let den := 1
                        let w := 1
                        for { let j := 0 } lt(j, count) { j := add(j, 1) } {
                            let value := calldataload(add(inputs, mul(add(start, j), 32)))
                            if value {
                                let d := addmod(z, sub(R, w), R)
                                num := addmod(mulmod(num, d, R), mulmod(mulmod(value, w, R), den, R), R)
                                den := mulmod(den, d, R)
                            }
                            w := mulmod(w, omega, R)
                        }
                        if num {
                            let zn1 := addmod(pow(z, n, R), sub(R, 1), R)
                            result := mulmod(mulmod(mulmod(num, inverse(den, R), R), zn1, R), nInverse, R)
                        }
                    }

                    // acc (at ptr) += s·(x, y). The product lands right after acc (SlotLeft and SlotRight have room
                    // there), so 0x06 adds the two where they lie.
                    function addScaled(ptr, x, y, s) {
                        mstore({{Scratch}}, x)
                        mstore({{Scratch + 0x20}}, y)
                        mstore({{Scratch + 0x40}}, s)
                        if iszero(staticcall(gas(), 7, {{Scratch}}, 0x60, add(ptr, 0x40), 0x40)) { outOfGas() }
                        if iszero(staticcall(gas(), 6, ptr, 0x80, ptr, 0x40)) { outOfGas() }
                    }

        """;

    /// <summary>Input validation, the transcript (challenges to <paramref name="challengeAddress"/>, evaluations
    /// copied to <paramref name="evaluationsBase"/>), then x, xⁿ, L₀(x) in their Vars slots; leaves the Yul variables
    /// P (the proof's calldata offset), x, xn and vanishing (xⁿ − 1) defined.</summary>
    public void ValidateAndReplay(StringBuilder sb, int evaluationsBase, Func<int, int> challengeAddress)
    {
        var cs = Layout.System;
        int lookups = cs.Lookups.Count, chunks = Layout.PermutationChunks, pieces = Layout.QuotientPieces;
        sb.Append($$"""
                        let P := proof.offset
                        // Shape: exact length, every point on the curve, every scalar below r, every input below r.
                        if iszero(eq(proof.length, {{ProofLength}})) { reject() }
                        if iszero(eq(publicInputs.length, {{InstanceLengths.Sum()}})) { reject() }
                        for { let p := P } lt(p, add(P, {{64 * PointsBefore}})) { p := add(p, 64) } {
                            if iszero(validPoint(calldataload(p), calldataload(add(p, 32)), Q)) { reject() }
                        }
                        for { let p := add(P, {{OpeningOffset}}) } lt(p, add(P, {{ProofLength}})) { p := add(p, 64) } {
                            if iszero(validPoint(calldataload(p), calldataload(add(p, 32)), Q)) { reject() }
                        }
                        calldatacopy({{evaluationsBase}}, add(P, {{EvalOffset}}), {{32 * Layout.Queries.Count}})
                        for { let e := {{evaluationsBase}} } lt(e, {{evaluationsBase + 32 * Layout.Queries.Count}}) { e := add(e, 32) } {
                            if iszero(lt(mload(e), R)) { reject() }
                        }
                        for { let i := 0 } lt(i, publicInputs.length) { i := add(i, 1) } {
                            if iszero(lt(calldataload(add(publicInputs.offset, mul(i, 32))), R)) { reject() }
                        }

                        // Transcript.
                        let st := 0x{{Convert.ToHexStringLower(new KeccakTranscript(Vk.Digest).State.ToArray())}}
                        let c := 0

            """);

        // Public inputs: per column, its length then its values.
        int inputStart = 0;
        foreach (int length in InstanceLengths)
        {
            sb.Append($"            st := absorbScalar(st, {length})\n");
            sb.Append($"            for {{ let i := {inputStart} }} lt(i, {inputStart + length}) {{ i := add(i, 1) }} {{ st := absorbScalar(st, calldataload(add(publicInputs.offset, mul(i, 32)))) }}\n");
            inputStart += length;
        }

        // Advice phases and circuit challenges. Points are absorbed in proof order, a run at a time.
        int point = 0;
        string Absorb(int count)
        {
            string code = count == 0 ? "" : $"            st := absorbPoints(st, add(P, {64 * point}), {count})\n";
            point += count;
            return code;
        }
        string Draw(int address) => $"            st, c := challenge(st, R)\n            mstore({address}, c)\n";
        for (int phase = 0; phase < cs.Phases; phase++)
        {
            sb.Append(Absorb(Layout.AdviceCommitOrder.Count(col => col.Phase == phase)));
            foreach (var ch in cs.Challenges.Where(ch => ch.AfterPhase == phase)) sb.Append(Draw(challengeAddress(ch.Index)));
        }
        foreach (var ch in cs.Challenges.Where(ch => ch.AfterPhase >= cs.Phases)) sb.Append(Draw(challengeAddress(ch.Index)));
        sb.Append(Draw(challengeAddress(Pc.Theta.Index)));
        sb.Append(Absorb(lookups));
        sb.Append(Draw(challengeAddress(Pc.Beta.Index)));
        sb.Append(Draw(challengeAddress(Pc.Gamma.Index)));
        sb.Append(Absorb(chunks + lookups));
        sb.Append(Draw(SlotY));
        sb.Append(Absorb(pieces));
        sb.Append(Draw(SlotX));
        sb.Append($"            st := absorbScalars(st, {evaluationsBase}, {Layout.Queries.Count})\n");
        sb.Append(Draw(SlotV));
        sb.Append($"            st := absorbPoints(st, add(P, {OpeningOffset}), {Layout.Rotations.Count})\n");
        sb.Append(Draw(SlotU));

        // xⁿ, L₀(x).
        sb.Append($$"""
                        let x := mload({{SlotX}})
                        let xn := pow(x, {{Layout.Rows}}, R)
                        mstore({{SlotXn}}, xn)
                        let vanishing := addmod(xn, sub(R, 1), R)
                        if iszero(vanishing) { reject() }
                        mstore({{SlotL0}}, mulmod(mulmod(vanishing, {{Hex(NInverse)}}, R), inverse(addmod(x, sub(R, 1), R), R), R))

            """);
    }

    private Fr NInverse => Fr.FromUInt64((ulong)Layout.Rows).Inverse();

    /// <summary>Evaluates each public-input query (instance column, rotation) at x and stores it at its address.</summary>
    public void InstanceEvaluations(StringBuilder sb, IReadOnlyList<(int Column, int Rotation)> queries, Func<int, int> address)
    {
        var omega = Fr.RootOfUnity(Layout.K);
        var starts = new List<int>();
        int inputStart = 0;
        foreach (int length in InstanceLengths) { starts.Add(inputStart); inputStart += length; }
        for (int i = 0; i < queries.Count; i++)
        {
            var (column, rotation) = queries[i];
            var rotationFactor = Proving.Prover.Power(omega, rotation);
            sb.Append($"            mstore({address(i)}, instanceEval(publicInputs.offset, {starts[column]}, {InstanceLengths[column]}, mulmod(x, {Hex(rotationFactor)}, R), {Layout.Rows}, {Hex(omega)}, {Hex(NInverse)}))\n");
        }
    }

    /// <summary>Rejects unless numerator(x) = h(x)·(xⁿ − 1), h = Σ xⁿⁱ·h_i from the quotient pieces' evaluations.</summary>
    public void QuotientCheck(StringBuilder sb, string numerator, Func<int, int> evaluationAddress)
    {
        sb.Append("            {\n                let h := 0\n");
        for (int i = Layout.QuotientPieces - 1; i >= 0; i--)
            sb.Append($"                h := addmod(mulmod(h, xn, R), mload({evaluationAddress(IndexOf(Layout.Queries, new PolyQuery(new PolyRef(PolyKind.Quotient, i), 0)))}), R)\n");
        sb.Append($"                if iszero(eq({numerator}, mulmod(h, vanishing, R))) {{ reject() }}\n            }}\n\n");
    }

    /// <summary>e(left, [τ]₂)·e(−right, [1]₂) = 1, and the answer; closes the assembly block and verify().</summary>
    public void PairingCheckAndReturn(StringBuilder sb)
    {
        var tau = G2Words(Vk.TauG2);
        var g2 = G2Words(Vk.G2);
        sb.Append($$"""
                        // e(left, [τ]₂)·e(−right, [1]₂) = 1
                        mstore({{Scratch}}, mload({{SlotLeft}}))
                        mstore({{Scratch + 0x20}}, mload({{SlotLeft + 32}}))
                        mstore({{Scratch + 0x40}}, {{tau[0]}})
                        mstore({{Scratch + 0x60}}, {{tau[1]}})
                        mstore({{Scratch + 0x80}}, {{tau[2]}})
                        mstore({{Scratch + 0xa0}}, {{tau[3]}})
                        mstore({{Scratch + 0xc0}}, mload({{SlotRight}}))
                        let ry := mload({{SlotRight + 32}})
                        if ry { ry := sub(Q, ry) }
                        mstore({{Scratch + 0xe0}}, ry)
                        mstore({{Scratch + 0x100}}, {{g2[0]}})
                        mstore({{Scratch + 0x120}}, {{g2[1]}})
                        mstore({{Scratch + 0x140}}, {{g2[2]}})
                        mstore({{Scratch + 0x160}}, {{g2[3]}})
                        if iszero(staticcall(gas(), 8, {{Scratch}}, 0x180, {{Scratch}}, 0x20)) { outOfGas() }
                        mstore(0, mload({{Scratch}}))
                        return(0, 32)
                    }
                }

            """);
    }

    /// <summary>A G2 point as the pairing precompile takes it: x.imaginary, x.real, y.imaginary, y.real.</summary>
    private static string[] G2Words(G2Affine p)
    {
        var bytes = p.Encode();
        return Enumerable.Range(0, 4).Select(i => "0x" + Convert.ToHexStringLower(bytes.AsSpan(32 * i, 32))).ToArray();
    }

    public static string Hex(BigInteger v) => "0x" + v.ToString("x").TrimStart('0').PadLeft(1, '0');
    public static string Hex(Fr v) => Hex(v.ToBigInteger());
}
