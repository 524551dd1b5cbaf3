using System.Text.Json;
using Rollup.TestSupport;

namespace Rollup.Crypto.Tests.Hashing;

/// <summary>
/// Runs js/poseidon.mjs (circomlibjs, installed into js/node_modules by scripts/js-setup.sh) with node: the independent
/// check that our hashes are circomlib's.
/// </summary>
internal static class Circomlibjs
{
    public static JsonDocument Run(string mode, string? stdin = null) => NodeScript.RunJson("js/poseidon.mjs", mode, stdin, "circomlibjs");
}
