// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice The L1 -> L2 message queue: ETH deposits, messages (an L2 call carrying bridged ETH) and forced L2
/// transactions. Every entry gets the next queue index and one L1MessageQueued event, which is what the sequencer
/// reads (in queue-index order) to include the entries in L2 blocks. The hash of each entry is stored so that a
/// later version can make a batch prove which entries it consumed.
abstract contract L1MessageQueue {
    enum MessageKind {
        Deposit, // credit `value` (locked here) to `to` on L2; runs no code
        Message, // call `to` on L2 from `sender` with `value` (locked here) and `data`
        ForcedTransaction // an L2 transaction from `sender`, paid from its L2 balance; value comes from L2 too
    }

    /// @notice An L2 gas limit below this cannot pay even a plain transfer.
    uint64 public constant MIN_GAS_LIMIT = 21_000;
    /// @notice Keeps every entry small enough for one L2 block.
    uint64 public constant MAX_GAS_LIMIT = 10_000_000;
    uint256 public constant MAX_DATA_LENGTH = 65_536;
    /// @notice Added (mod 2^160) to a contract caller's address to get its L2 sender, so that an L1 contract cannot
    /// act as the L2 account of the same address, which someone else may control.
    uint160 public constant ALIAS_OFFSET = uint160(0x1111000000000000000000000000000000001111);

    /// @notice messageHashes[queueIndex] = keccak256(abi.encode(queueIndex, kind, sender, to, value, gasLimit,
    /// keccak256(data))).
    bytes32[] public messageHashes;

    /// @dev One event for all kinds so the sequencer reads the whole queue, in order, with one log filter.
    event L1MessageQueued(
        uint64 indexed queueIndex,
        MessageKind indexed kind,
        address indexed sender,
        address to,
        uint256 value,
        uint64 gasLimit,
        bytes data
    );

    error ZeroValue();
    error ZeroRecipient();
    error GasLimitOutOfRange(uint64 gasLimit, uint64 min, uint64 max);
    error MessageDataTooLarge(uint256 length, uint256 max);

    function nextQueueIndex() external view returns (uint64) {
        return uint64(messageHashes.length);
    }

    /// @notice Locks msg.value here and credits it to `to` on L2.
    function depositETH(address to) external payable {
        if (msg.value == 0) revert ZeroValue();
        _enqueue(MessageKind.Deposit, to, msg.value, 0, "");
    }

    /// @notice Calls `to` on L2 with msg.value (locked here) and `data`, with `gasLimit` L2 gas.
    function sendMessage(address to, uint64 gasLimit, bytes calldata data) external payable {
        _checkGasLimit(gasLimit);
        _enqueue(MessageKind.Message, to, msg.value, gasLimit, data);
    }

    /// @notice Forces an L2 transaction from the caller's L2 account (aliased for contracts) that the sequencer must
    /// include: the way to reach L2 when the sequencer ignores one's transactions. `value` is paid on L2.
    function enforceTransaction(address to, uint256 value, uint64 gasLimit, bytes calldata data) external {
        _checkGasLimit(gasLimit);
        _enqueue(MessageKind.ForcedTransaction, to, value, gasLimit, data);
    }

    /// @notice The L2 sender of an entry queued by `l1Sender`: an externally owned account keeps its address, a
    /// contract gets the aliased one.
    function l2Sender(address l1Sender, bool isContract) public pure returns (address) {
        if (!isContract) return l1Sender;
        unchecked {
            return address(uint160(l1Sender) + ALIAS_OFFSET);
        }
    }

    function _checkGasLimit(uint64 gasLimit) private pure {
        if (gasLimit < MIN_GAS_LIMIT || gasLimit > MAX_GAS_LIMIT) {
            revert GasLimitOutOfRange(gasLimit, MIN_GAS_LIMIT, MAX_GAS_LIMIT);
        }
    }

    function _enqueue(MessageKind kind, address to, uint256 value, uint64 gasLimit, bytes memory data) private {
        if (to == address(0)) revert ZeroRecipient();
        if (data.length > MAX_DATA_LENGTH) revert MessageDataTooLarge(data.length, MAX_DATA_LENGTH);
        // tx.origin == msg.sender: called directly by an account with a key (EIP-7702 delegates included).
        address sender = l2Sender(msg.sender, msg.sender != tx.origin);
        uint64 queueIndex = uint64(messageHashes.length);
        messageHashes.push(keccak256(abi.encode(queueIndex, kind, sender, to, value, gasLimit, keccak256(data))));
        emit L1MessageQueued(queueIndex, kind, sender, to, value, gasLimit, data);
    }
}
