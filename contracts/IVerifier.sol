// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice What the rollup contract asks of a proof verifier. The PLONK verifier generated from a circuit's
/// verifying key implements it; so do the development stand-ins under verifiers/. Keeping the rollup behind this
/// interface lets the owner swap the verifier (setVerifier) without redeploying the chain of batches.
interface IVerifier {
    /// @return true when `proof` proves the circuit for exactly these public inputs (each < the BN254 scalar field
    /// modulus; see docs/l1.md for their layout). A malformed proof may return false or revert.
    function verify(bytes calldata proof, uint256[] calldata publicInputs) external view returns (bool);
}
