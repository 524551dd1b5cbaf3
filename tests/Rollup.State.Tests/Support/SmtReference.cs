using System.Text.Json;
using Rollup.TestSupport;

namespace Rollup.State.Tests.Support;

/// <summary>
/// Runs js/smt-reference.mjs (the tree format written again from docs/state-tree.md in JavaScript, on
/// circomlibjs's Poseidon) with node: the independent check of our roots.
/// </summary>
internal static class SmtReference
{
    public static JsonDocument Run(string mode, string stdin) => NodeScript.RunJson("js/smt-reference.mjs", mode, stdin, "circomlibjs");
}
