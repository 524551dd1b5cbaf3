// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice Who may do what: one owner manages the sequencer and prover sets. Several accounts may hold a role so
/// that keys can be rotated without a gap (add the new key, then remove the old one).
abstract contract RollupRoles {
    address public owner;
    mapping(address => bool) public isSequencer;
    mapping(address => bool) public isProver;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    event SequencerUpdated(address indexed account, bool enabled);
    event ProverUpdated(address indexed account, bool enabled);

    error NotOwner(address caller);
    error NotSequencer(address caller);
    error NotProver(address caller);
    error ZeroAddress();

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    modifier onlySequencer() {
        if (!isSequencer[msg.sender]) revert NotSequencer(msg.sender);
        _;
    }

    modifier onlyProver() {
        if (!isProver[msg.sender]) revert NotProver(msg.sender);
        _;
    }

    constructor(address sequencer, address prover) {
        owner = msg.sender;
        emit OwnershipTransferred(address(0), msg.sender);
        _setSequencer(sequencer, true);
        _setProver(prover, true);
    }

    /// @notice One step, not two: the owner is an operator key or a multisig that checks the address first.
    function transferOwnership(address newOwner) external onlyOwner {
        if (newOwner == address(0)) revert ZeroAddress();
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    function setSequencer(address account, bool enabled) external onlyOwner {
        _setSequencer(account, enabled);
    }

    function setProver(address account, bool enabled) external onlyOwner {
        _setProver(account, enabled);
    }

    function _setSequencer(address account, bool enabled) private {
        if (account == address(0)) revert ZeroAddress();
        isSequencer[account] = enabled;
        emit SequencerUpdated(account, enabled);
    }

    function _setProver(address account, bool enabled) private {
        if (account == address(0)) revert ZeroAddress();
        isProver[account] = enabled;
        emit ProverUpdated(account, enabled);
    }
}
