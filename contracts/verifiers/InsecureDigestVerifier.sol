// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IVerifier} from "../IVerifier.sol";

/// @notice NOT A PROOF VERIFIER. A development stand-in until the generated PLONK verifier exists: it accepts
/// exactly the "proof" keccak256(abi.encodePacked(publicInputs)), which anyone can compute, so with it anyone
/// holding the prover role can finalize any state root. What it does check is that the rollup contract handed over
/// the public inputs the off-chain side expects, so the encoding is tested end to end. Never deploy it where
/// value is at stake; `rollup l1 deploy` marks it in the deployment file.
contract InsecureDigestVerifier is IVerifier {
    /// @notice Read by tooling to tell a stand-in from a real verifier.
    bool public constant IS_REAL_VERIFIER = false;

    function verify(bytes calldata proof, uint256[] calldata publicInputs) external pure returns (bool) {
        return proof.length == 32 && bytes32(proof) == keccak256(abi.encodePacked(publicInputs));
    }
}
