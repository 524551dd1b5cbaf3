// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IVerifier} from "../IVerifier.sol";

/// @notice Test double: a verifier that reverts with its own error, as a real one may on a malformed proof, so
/// tests can check that the rollup reports it as VerifierReverted(reason).
contract RevertingVerifier is IVerifier {
    error MalformedProof(uint256 length);

    function verify(bytes calldata proof, uint256[] calldata) external pure returns (bool) {
        revert MalformedProof(proof.length);
    }
}
