using System.Text.RegularExpressions;

namespace ContactSync.Infra.Tests.Reading;

/// <summary>Reads keys, string arrays and blocks out of Bicep expression text.</summary>
public static partial class BicepObjects
{
    /// <summary>Every object key written at the start of a line anywhere in <paramref name="text"/>, quoted or not.
    /// Interpolations in a key (<c>'Tenants__${i}__Id'</c>) read as <c>0</c>: the first element of a list.</summary>
    public static IEnumerable<string> KeysAtLineStart(string text) =>
        LineKey().Matches(text).Select(m => Interpolation().Replace(m.Groups["key"].Value, "0"));

    /// <summary>The keys at the outermost level of the object literal that opens at <paramref name="open"/>.</summary>
    public static IReadOnlyList<string> TopLevelKeys(string code, int open)
    {
        var keys = new List<string>();
        var depth = 0;
        var atLineStart = false;
        foreach (var (i, c, inString) in BicepSource.Walk(code, open))
        {
            if (atLineStart && depth == 1 && LineKey().Match(code, i) is { Success: true } m && m.Index == i)
                keys.Add(Interpolation().Replace(m.Groups["key"].Value, "0"));
            atLineStart = c == '\n';
            if (inString) continue;
            if (c is '{' or '[' or '(') depth++;
            else if (c is '}' or ']' or ')' && --depth == 0) break;
        }
        return keys;
    }

    /// <summary>The string literals of an array literal, e.g. the value of <c>var queueNames = [ … ]</c>.</summary>
    public static IReadOnlyList<string> StringLiterals(string text) =>
        Literal().Matches(text).Select(m => m.Groups["s"].Value).ToList();

    /// <summary>Start index of the object literal that is the value of <c>key:</c> in <paramref name="code"/>.</summary>
    public static int ObjectValueOf(string code, string key)
    {
        var m = Regex.Match(code, $@"^\s*{Regex.Escape(key)}\s*:\s*\{{", RegexOptions.Multiline);
        if (!m.Success) throw new InvalidOperationException($"no object value for key '{key}'");
        return m.Index + m.Length - 1;
    }

    [GeneratedRegex(@"^[ \t]*(?:'(?<key>[^'\n]+)'|(?<key>[A-Za-z_][A-Za-z0-9_]*))[ \t]*:(?!:)", RegexOptions.Multiline)]
    private static partial Regex LineKey();

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"'(?<s>[^'\n]*)'")]
    private static partial Regex Literal();
}
