using System.Diagnostics.CodeAnalysis;
using Rollup.Core.Blocks;
using Rollup.Core.Chain;
using Rollup.Core.Types;
using Rollup.Evm.State;
using Rollup.Evm.Tracing;

namespace Rollup.Evm.Blocks;

/// <summary>A block tree in memory with the full state after every block: enough to import side chains, and for
/// BLOCKHASH to see the real ancestors of the block being run. The head is the block imported last, as if every
/// import came with a fork-choice update (after the merge the consensus layer, not difficulty, picks the head).</summary>
public sealed class InMemoryBlockchain
{
    private readonly Dictionary<Hash256, (Block Block, InMemoryStateSource State)> _blocks = [];
    private readonly BlockProcessor _processor;

    /// <param name="stateCommitment">What headers' state roots commit to (see <see cref="BlockProcessor"/>); null for Ethereum's.</param>
    public InMemoryBlockchain(Block genesis, InMemoryStateSource genesisState, ForkRules rules, ulong chainId,
        Func<InMemoryStateSource, Hash256>? stateCommitment = null)
    {
        _processor = new BlockProcessor(rules, chainId, stateCommitment);
        _blocks[genesis.Hash] = (genesis, genesisState);
        Head = genesis;
    }

    public Block Head { get; private set; }
    public InMemoryStateSource HeadState => _blocks[Head.Hash].State;

    public bool TryGetBlock(in Hash256 hash, [MaybeNullWhen(false)] out Block block)
    {
        bool found = _blocks.TryGetValue(hash, out var entry);
        block = entry.Block;
        return found;
    }

    /// <summary>The state after a known block.</summary>
    public bool TryGetState(in Hash256 hash, [MaybeNullWhen(false)] out InMemoryStateSource state)
    {
        bool found = _blocks.TryGetValue(hash, out var entry);
        state = entry.State;
        return found;
    }

    /// <summary>Validates and executes the block on its parent and makes it the head.</summary>
    /// <exception cref="BlockException">when the block is invalid; nothing changes then.</exception>
    public BlockResult Import(Block block, ITracer? tracer = null)
    {
        var header = block.Header;
        if (!_blocks.TryGetValue(header.ParentHash, out var parent))
            throw new BlockException(BlockError.UnknownParent, $"parent {header.ParentHash} of block #{header.Number} is unknown");
        var parentHeader = parent.Block.Header;
        var result = _processor.Process(block, parentHeader, parent.State, n => AncestorHash(parentHeader, n), tracer);
        _blocks[block.Hash] = (block, result.PostState);
        Head = block;
        return result;
    }

    /// <summary>The hash of the block numbered <paramref name="number"/> on the chain ending at <paramref name="from"/>.</summary>
    public Hash256 AncestorHash(BlockHeader from, ulong number)
    {
        var header = from;
        while (header.Number > number)
        {
            if (!_blocks.TryGetValue(header.ParentHash, out var parent)) return Hash256.Zero;
            header = parent.Block.Header;
        }
        return header.Number == number ? header.Hash : Hash256.Zero;
    }
}
