using System.Text;

namespace ContactSync.Hub.Directory.Csv;

/// <summary>One CSV record and the physical line (1-based) it starts on, for error messages.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>An RFC 4180 reader and writer: quoted fields may hold the separator, doubled quotes and line breaks;
/// CRLF, LF or CR end a record; blank lines are skipped. The separator is passed in (see <see cref="DetectSeparator"/>).</summary>
public static class CsvText
{
    public static IReadOnlyList<CsvRecord> Read(string text, char separator)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, start = 1, i = 0;
        bool quoted = false, any = false;
        void EndField() { fields.Add(field.ToString()); field.Clear(); }
        void EndRecord()
        {
            EndField();
            if (fields.Count > 1 || fields[0].Length > 0 || any) records.Add(new(start, [.. fields]));
            fields.Clear();
            any = false;
        }
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) line++;
                    field.Append(c);
                }
                continue;
            }
            if (c == '"' && field.Length == 0) { quoted = true; any = true; }
            else if (c == separator) { EndField(); any = true; }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                EndRecord();
                start = ++line;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0 || any) EndRecord();
        return records;
    }

    /// <summary>',' or ';' (or a tab): whichever occurs most outside quotes in the first line. Outlook writes the list
    /// separator of the user's Windows region, ';' in most of Europe.</summary>
    public static char DetectSeparator(string text)
    {
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\r' or '\n') break;
            else if (!quoted && c == ',') comma++;
            else if (!quoted && c == ';') semicolon++;
            else if (!quoted && c == '\t') tab++;
        }
        return tab > comma && tab > semicolon ? '\t' : semicolon > comma ? ';' : ',';
    }

    /// <summary>Writes records with CRLF line ends, quoting a field when it holds the separator, a quote, a line break
    /// or leading/trailing spaces.</summary>
    public static void Write(TextWriter w, IEnumerable<IReadOnlyList<string?>> records, char separator = ',')
    {
        foreach (var record in records)
        {
            for (var i = 0; i < record.Count; i++)
            {
                if (i > 0) w.Write(separator);
                w.Write(Quote(record[i] ?? "", separator));
            }
            w.Write("\r\n");
        }
    }

    private static string Quote(string v, char separator) =>
        v.Length > 0 && (v.Contains(separator) || v.Contains('"') || v.Contains('\n') || v.Contains('\r') || v[0] == ' ' || v[^1] == ' ')
            ? "\"" + v.Replace("\"", "\"\"") + "\""
            : v;
}
