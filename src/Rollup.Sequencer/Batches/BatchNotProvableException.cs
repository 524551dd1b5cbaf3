namespace Rollup.Sequencer.Batches;

/// <summary>The prover cannot prove this batch, and trying again will not change that: the batch runs an execution
/// state the circuit has no gadget for, or does not fit the circuit's fixed size. The proving queue records the message
/// on the batch (<see cref="BatchRecord.ProofError"/>), logs it once and does not retry, unlike a passing failure
/// (an L1 node down), which it retries with back-off.</summary>
public class BatchNotProvableException(string message) : Exception(message);
