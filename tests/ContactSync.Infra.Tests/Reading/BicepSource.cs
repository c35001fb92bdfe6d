namespace ContactSync.Infra.Tests.Reading;

/// <summary>Bicep text with comments removed, read with a small scanner that knows strings and <c>${…}</c>
/// interpolation (nested quotes included), so that <c>//</c> in a URL or a brace in a string is never mistaken for
/// structure. No compiler: only what the infra tests need.</summary>
public sealed class BicepSource
{
    public BicepSource(string path, string text)
    {
        Path = path;
        Code = StripComments(text);
    }

    public string Path { get; }

    /// <summary>The text without comments; line breaks are kept so that line-based reads still work.</summary>
    public string Code { get; }

    public static BicepSource Load(string path) => new(path, File.ReadAllText(path));

    /// <summary>Index just past the bracket that closes the one at <paramref name="open"/> ('{', '[' or '(').</summary>
    public int MatchingClose(int open)
    {
        var depth = 0;
        foreach (var (i, c, inString) in Walk(Code, open))
        {
            if (inString) continue;
            if (c is '{' or '[' or '(') depth++;
            else if (c is '}' or ']' or ')' && --depth == 0) return i + 1;
        }
        throw new FormatException($"{Path}: unbalanced bracket at offset {open}");
    }

    /// <summary>Characters from <paramref name="start"/>, each flagged when it is inside a string literal
    /// (interpolation holes count as code) or inside a comment.</summary>
    public static IEnumerable<(int Index, char Char, bool InString)> Walk(string code, int start = 0) =>
        Scan(code, start).Where(c => !c.InComment).Select(c => (c.Index, c.Char, c.InString));

    private static IEnumerable<(int Index, char Char, bool InString, bool InComment)> Scan(string code, int start)
    {
        // Each frame is a string literal (Hole = false) or an interpolation hole with its own brace depth.
        var frames = new Stack<(bool Hole, int Depth)>();
        for (var i = start; i < code.Length; i++)
        {
            var c = code[i];
            var next = i + 1 < code.Length ? code[i + 1] : '\0';
            if (frames.Count > 0 && !frames.Peek().Hole)
            {
                yield return (i, c, true, false);
                if (c == '\\' && next != '\0') yield return (++i, next, true, false);
                else if (c == '$' && next == '{') { yield return (++i, next, true, false); frames.Push((true, 0)); }
                else if (c == '\'') frames.Pop();
                continue;
            }
            if (c == '/' && next is '/' or '*')
            {
                var end = next == '/' ? code.IndexOf('\n', i) : code.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
                var stop = end < (next == '/' ? 0 : 2) ? code.Length : end;
                for (; i < stop; i++) yield return (i, code[i], false, true);
                i--;
                continue;
            }
            if (c == '\'') { frames.Push((false, 0)); yield return (i, c, true, false); continue; }
            if (frames.Count > 0 && c is '{' or '}')
            {
                var (_, depth) = frames.Pop();
                if (c == '}' && depth == 0) { yield return (i, c, true, false); continue; } // the hole closes: back in the string
                frames.Push((true, c == '{' ? depth + 1 : depth - 1));
            }
            yield return (i, c, false, false);
        }
    }

    // Comments become nothing but their line breaks, so line-based reads keep their line numbers.
    private static string StripComments(string text) =>
        string.Concat(Scan(text, 0).Where(c => !c.InComment || c.Char == '\n').Select(c => c.Char));
}
