// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The public inputs of a batch proof, as the verifier receives them. 256-bit values do not fit in the
/// BN254 scalar field F_r (r < 2^254), so each is split into two 128-bit limbs, high limb first. The circuit
/// exposes the same seven values in the same order; docs/l1.md is the specification both sides follow.
library BatchPublicInputs {
    uint256 internal constant COUNT = 7;

    function encode(bytes32 previousStateRoot, bytes32 newStateRoot, bytes32 dataHash, uint64 chainId)
        internal
        pure
        returns (uint256[] memory inputs)
    {
        inputs = new uint256[](COUNT);
        (inputs[0], inputs[1]) = split(previousStateRoot);
        (inputs[2], inputs[3]) = split(newStateRoot);
        (inputs[4], inputs[5]) = split(dataHash);
        inputs[6] = chainId;
    }

    function split(bytes32 word) private pure returns (uint256 high, uint256 low) {
        high = uint256(word) >> 128;
        low = uint256(word) & type(uint128).max;
    }
}
