using System.Text;

namespace ContactSync.Devices.VCard;

/// <summary>RFC 6350 §3.2/§3.4 text rules: escaping of \ ; , and newlines, line folding at 75 octets on UTF-8 character
/// boundaries, and unfolding.</summary>
public static class VCardText
{
    public static string Escape(string value) => value
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n");

    public static string Unescape(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i == value.Length - 1) { sb.Append(value[i]); continue; }
            var next = value[++i];
            sb.Append(next is 'n' or 'N' ? '\n' : next);
        }
        return sb.ToString();
    }

    /// <summary>Splits on <paramref name="separator"/> where it is not escaped; the parts stay escaped.</summary>
    public static List<string> SplitEscaped(string value, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\') { i++; continue; }
            if (value[i] != separator) continue;
            parts.Add(value[start..i]);
            start = i + 1;
        }
        parts.Add(value[start..]);
        return parts;
    }

    /// <summary>One content line folded: at most 75 octets a line (CRLF excluded), continuation lines start with a space,
    /// never cutting a UTF-8 sequence.</summary>
    public static void AppendFolded(StringBuilder sb, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        sb.Append("\r\n");
    }

    /// <summary>The logical lines of a vCard text: CRLF or LF line ends, folded lines joined.</summary>
    public static List<string> Unfold(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t') && lines.Count > 0) lines[^1] += raw[1..];
            else if (raw.Length > 0) lines.Add(raw);
        }
        return lines;
    }
}
