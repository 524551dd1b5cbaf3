using Rollup.Sequencer.Mempool;
using Rollup.Sequencer.Node;

namespace Rollup.Sequencer.Rpc.Methods;

/// <summary>eth_sendRawTransaction: the pool validates and journals the transaction before its hash is returned, so
/// an acknowledged transaction survives a crash. Rejections are -32000 errors with geth's messages.</summary>
public static class SendMethods
{
    public static void Register(RpcMethodTable t, NodeContext node)
    {
        t.Add("eth_sendRawTransaction", p =>
        {
            var raw = p.AtMost(1).Required(0, RpcParams.Data);
            try
            {
                Execution.ProvabilityCheck.Require(node, raw);
                var hash = node.Pool.Add(raw);
                node.Producer.Trigger();
                return RpcHex.Data(hash.Bytes);
            }
            catch (PoolException e)
            {
                throw RpcException.Server(e.Message);
            }
        });
    }
}
