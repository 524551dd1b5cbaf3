// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IVerifier} from "./IVerifier.sol";
import {BatchPublicInputs} from "./BatchPublicInputs.sol";
import {RollupRoles} from "./RollupRoles.sol";
import {L1MessageQueue} from "./L1MessageQueue.sol";

/// @notice The rollup's chain of batches on L1. The sequencer commits each batch's transaction data (calldata);
/// the prover finalizes batches in order with a validity proof of the state transition, checked by the verifier
/// against public inputs this contract rebuilds from its own storage. Batch 0 is the genesis, finalized at
/// deployment. docs/l1.md describes the API, the events and the public-input encoding.
contract Rollup is RollupRoles, L1MessageQueue {
    /// @notice The L2's chain id, a public input of every proof (the L2 EVM's CHAINID).
    uint64 public immutable l2ChainId;
    IVerifier public verifier;

    uint64 public lastCommittedBatch;
    uint64 public lastFinalizedBatch;
    /// @notice keccak256(abi.encodePacked(uint64 index, bytes32 parentBatchHash, bytes32 dataHash)).
    mapping(uint64 => bytes32) public batchHashes;
    /// @notice keccak256(batchData) of each committed batch.
    mapping(uint64 => bytes32) public dataHashes;
    /// @notice The state root after each finalized batch.
    mapping(uint64 => bytes32) public stateRoots;

    event BatchCommitted(uint64 indexed index, bytes32 indexed batchHash, bytes32 parentBatchHash, bytes32 dataHash);
    event BatchFinalized(uint64 indexed index, bytes32 indexed batchHash, bytes32 stateRoot);
    event BatchReverted(uint64 indexed index, bytes32 indexed batchHash);
    event VerifierUpdated(address indexed previousVerifier, address indexed newVerifier);

    error UnexpectedBatchIndex(uint64 expected, uint64 given);
    error ParentBatchHashMismatch(bytes32 expected, bytes32 given);
    error EmptyBatchData();
    error BatchNotCommitted(uint64 index);
    error BatchAlreadyFinalized(uint64 index);
    error BatchFinalizedOutOfOrder(uint64 expected, uint64 given);
    error InvalidProof();
    error VerifierReverted(bytes reason);
    error NotAContract(address account);
    error PlainTransferRejected();

    constructor(IVerifier verifier_, bytes32 genesisStateRoot, uint64 l2ChainId_, address sequencer, address prover)
        RollupRoles(sequencer, prover)
    {
        _setVerifier(verifier_);
        l2ChainId = l2ChainId_;
        bytes32 dataHash = keccak256("");
        bytes32 genesisHash = batchHash(0, bytes32(0), dataHash);
        batchHashes[0] = genesisHash;
        dataHashes[0] = dataHash;
        stateRoots[0] = genesisStateRoot;
        emit BatchCommitted(0, genesisHash, bytes32(0), dataHash);
        emit BatchFinalized(0, genesisHash, genesisStateRoot);
    }

    /// @notice ETH reaches L2 only through depositETH or sendMessage, which queue it for the sequencer.
    receive() external payable {
        revert PlainTransferRejected();
    }

    function batchHash(uint64 index, bytes32 parentBatchHash, bytes32 dataHash) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(index, parentBatchHash, dataHash));
    }

    /// @notice Appends batch `index` (the next one) to the committed chain. The data stays in calldata; only its
    /// hash is stored, and the proof later commits to the same hash.
    function commitBatch(uint64 index, bytes32 parentBatchHash, bytes calldata batchData) external onlySequencer {
        uint64 expected = lastCommittedBatch + 1;
        if (index != expected) revert UnexpectedBatchIndex(expected, index);
        bytes32 parent = batchHashes[index - 1];
        if (parentBatchHash != parent) revert ParentBatchHashMismatch(parent, parentBatchHash);
        if (batchData.length == 0) revert EmptyBatchData();
        bytes32 dataHash = keccak256(batchData);
        bytes32 hash = batchHash(index, parentBatchHash, dataHash);
        batchHashes[index] = hash;
        dataHashes[index] = dataHash;
        lastCommittedBatch = index;
        emit BatchCommitted(index, hash, parentBatchHash, dataHash);
    }

    /// @notice Finalizes batch `index` (the one after the last finalized) with the state root it leads to.
    function finalizeBatch(uint64 index, bytes32 newStateRoot, bytes calldata proof) external onlyProver {
        uint256[] memory inputs = publicInputs(index, newStateRoot);
        bool accepted;
        try verifier.verify(proof, inputs) returns (bool result) {
            accepted = result;
        } catch (bytes memory reason) {
            revert VerifierReverted(reason);
        }
        if (!accepted) revert InvalidProof();
        stateRoots[index] = newStateRoot;
        lastFinalizedBatch = index;
        emit BatchFinalized(index, batchHashes[index], newStateRoot);
    }

    /// @notice The public inputs finalizeBatch(index, newStateRoot, ...) hands the verifier; reverts as
    /// finalizeBatch would when `index` cannot be finalized next. Provers read them here to be sure they agree.
    function publicInputs(uint64 index, bytes32 newStateRoot) public view returns (uint256[] memory) {
        uint64 next = lastFinalizedBatch + 1;
        if (index < next) revert BatchAlreadyFinalized(index);
        if (index > lastCommittedBatch) revert BatchNotCommitted(index);
        if (index != next) revert BatchFinalizedOutOfOrder(next, index);
        return BatchPublicInputs.encode(stateRoots[index - 1], newStateRoot, dataHashes[index], l2ChainId);
    }

    /// @notice Removes committed, unfinalized batches `index`..lastCommittedBatch, so the sequencer can commit
    /// different ones from `index` on. Emits BatchReverted for each, in ascending order.
    function revertBatch(uint64 index) external onlySequencer {
        if (index <= lastFinalizedBatch) revert BatchAlreadyFinalized(index);
        uint64 last = lastCommittedBatch;
        if (index > last) revert BatchNotCommitted(index);
        for (uint64 i = index; i <= last; i++) {
            emit BatchReverted(i, batchHashes[i]);
            delete batchHashes[i];
            delete dataHashes[i];
        }
        lastCommittedBatch = index - 1;
    }

    /// @notice Replaces the verifier, e.g. when the circuit changes; batches already finalized stay finalized.
    function setVerifier(IVerifier newVerifier) external onlyOwner {
        _setVerifier(newVerifier);
    }

    function _setVerifier(IVerifier newVerifier) private {
        if (address(newVerifier).code.length == 0) revert NotAContract(address(newVerifier));
        emit VerifierUpdated(address(verifier), address(newVerifier));
        verifier = newVerifier;
    }
}
