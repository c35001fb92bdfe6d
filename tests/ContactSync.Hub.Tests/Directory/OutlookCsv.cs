using System.Text;
using ContactSync.Hub.Directory.Csv;

namespace ContactSync.Hub.Tests.Directory;

/// <summary>Builds files the way Outlook's export writes them: the full English header, every column quoted,
/// CRLF, the list separator given (',' or ';') and the chosen encoding with or without its BOM.</summary>
internal static class OutlookCsv
{
    public static string Text(char separator, params Dictionary<string, string>[] rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(separator, OutlookCsvFormat.OutlookHeaders.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
            sb.Append(string.Join(separator, OutlookCsvFormat.OutlookHeaders.Select(h => Quote(row.GetValueOrDefault(h, ""))))).Append("\r\n");
        return sb.ToString();
    }

    public static byte[] Bytes(string text, Encoding encoding, bool bom) => [.. bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(text)];

    private static string Quote(string v) => "\"" + v.Replace("\"", "\"\"") + "\"";

    public static Dictionary<string, string> Row(params (string Header, string Value)[] cells) =>
        cells.ToDictionary(c => c.Header, c => c.Value);

    /// <summary>Polish, Czech, Lithuanian and German people, a note with a line break, and two bad rows.</summary>
    public static Dictionary<string, string>[] Sample =>
    [
        Row(("First Name", "Łukasz"), ("Last Name", "Żółć"), ("Company", "Wróbel i Syn"), ("E-mail Address", "Lukasz.Zolc@Example.PL"),
            ("Mobile Phone", "600 100 200"), ("Business City", "Łódź"), ("Notes", "Klient od 2019\r\nDzwonić rano")),
        Row(("First Name", "Jiří"), ("Last Name", "Dvořák"), ("E-mail Address", "jiri.dvorak@example.cz"),
            ("Business Phone", "+420 601 123 456"), ("Business Country/Region", "Česká republika")),
        Row(("Company", "Nobody's Phone Ltd"), ("Business Phone", "+48 22 123 45 67"), ("E-mail Address", "kontakt@")),
        Row(("Mobile Phone", "+48 600 000 000")),
        Row(("First Name", "Jürgen"), ("Last Name", "Müller"), ("E-mail Address", "j.mueller@example.de"),
            ("Business Phone", "12"), ("Birthday", "0/0/00"), ("Categories", "VIP;Partner")),
    ];
}
