using System.Text;
using Rollup.Core.Encoding;
using Rollup.Core.Numerics;
using Rollup.Core.Types;

namespace Rollup.L1.Abi;

/// <summary>Renders decoded values for people: error messages and command output.</summary>
public static class AbiFormatter
{
    /// <summary>name(input1=value1, input2=value2).</summary>
    public static string Call(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<object?> values)
    {
        var text = new StringBuilder(name).Append('(');
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0) text.Append(", ");
            string label = i < inputs.Count ? inputs[i].Name : "";
            if (label.Length > 0) text.Append(label).Append('=');
            text.Append(Value(values[i]));
        }
        return text.Append(')').ToString();
    }

    public static string Value(object? value) => value switch
    {
        null => "null",
        UInt256 u => u.ToString(),
        Address a => a.ToString(),
        Hash256 h => h.ToString(),
        byte[] b => Hex.ToHex(b),
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        IReadOnlyList<object?> list => "[" + string.Join(", ", list.Select(Value)) + "]",
        _ => value.ToString() ?? "",
    };
}
