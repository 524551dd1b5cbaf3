// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {L1MessageQueue} from "../L1MessageQueue.sol";

/// @notice Test double: a contract that deposits through the queue, so tests can check that contract senders are
/// aliased on L2.
contract QueueForwarder {
    function deposit(L1MessageQueue queue, address to) external payable {
        queue.depositETH{value: msg.value}(to);
    }
}
