using System.Text;

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

    /// <summary>Characters from <paramref name="start"/> with a flag telling whether each one is inside a string
    /// literal (interpolation holes count as code).</summary>
    public static IEnumerable<(int Index, char Char, bool InString)> Walk(string code, int start = 0)
    {
        // Each frame is a string literal (Hole = false) or an interpolation hole with its own brace depth.
        var frames = new Stack<(bool Hole, int Depth)>();
        for (var i = start; i < code.Length; i++)
        {
            var c = code[i];
            var next = i + 1 < code.Length ? code[i + 1] : '\0';
            if (frames.Count > 0 && !frames.Peek().Hole)
            {
                yield return (i, c, true);
                if (c == '\\' && next != '\0') yield return (++i, next, true);
                else if (c == '$' && next == '{') { yield return (++i, next, true); frames.Push((true, 0)); }
                else if (c == '\'') frames.Pop();
                continue;
            }
            if (c == '\'') { frames.Push((false, 0)); yield return (i, c, true); continue; }
            if (frames.Count > 0 && c is '{' or '}')
            {
                var (_, depth) = frames.Pop();
                if (c == '}' && depth == 0) { yield return (i, c, true); continue; } // the hole closes: back in the string
                frames.Push((true, c == '{' ? depth + 1 : depth - 1));
            }
            yield return (i, c, false);
        }
    }

    // Comments are found with the same string/hole tracking as Walk, so an apostrophe in a comment or "//" in a
    // string literal cannot derail it.
    private static string StripComments(string text)
    {
        var code = new StringBuilder(text.Length);
        var frames = new Stack<(bool Hole, int Depth)>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var inString = frames.Count > 0 && !frames.Peek().Hole;
            if (!inString && c == '/' && next is '/' or '*')
            {
                var line = next == '/';
                var end = line ? text.IndexOf('\n', i) : text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var stop = end < 0 ? text.Length : line ? end : end + 2;
                code.Append('\n', text[i..stop].Count(ch => ch == '\n'));
                i = stop - 1;
                continue;
            }
            code.Append(c);
            if (inString)
            {
                if (c == '\\' && next != '\0') code.Append(text[++i]);
                else if (c == '$' && next == '{') { code.Append(text[++i]); frames.Push((true, 0)); }
                else if (c == '\'') frames.Pop();
            }
            else if (c == '\'') frames.Push((false, 0));
            else if (frames.Count > 0 && c is '{' or '}')
            {
                var (_, depth) = frames.Pop();
                if (c == '}' && depth == 0) continue;
                frames.Push((true, c == '{' ? depth + 1 : depth - 1));
            }
        }
        return code.ToString();
    }
}
