using Rollup.Sequencer.Batches;

namespace Rollup.Proving;

/// <summary>The batch needs more of the circuit than its fixed size has (rows for steps, reads and writes or tables;
/// state-tree regions or hashes). Its own type because the sealer asks exactly this question before sealing
/// (<see cref="IBatchCapacity"/>); <see cref="Detail"/> says what overflows without naming a batch.</summary>
public sealed class BatchTooLargeException(ulong batch, string detail) : BatchNotProvableException($"batch {batch} {detail}")
{
    public string Detail { get; } = detail;
}
