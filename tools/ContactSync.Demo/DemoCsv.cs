using System.Text;

namespace ContactSync.Demo;

/// <summary>The three CSV files the demo imports: a plain UTF-8 file with two bad rows, an Outlook export in Windows-1250
/// as Outlook writes it in Central Europe, and a UTF-8-with-BOM file separated by ';' as Excel writes it in Lithuania.</summary>
public static class DemoCsv
{
    public sealed record File(string GroupId, string DisplayName, string Description, byte[] Bytes, string? Charset);

    public static IReadOnlyList<File> All()
    {
        var r = new Random(20261122); // deterministic: the same people on every run
        var polish = Enumerable.Range(0, 100).Select(_ => Nation.Polish.Make(r)).ToList();
        var czechAndGerman = Enumerable.Range(0, 100).Select(i => (i % 2 == 0 ? Nation.Czech : Nation.German).Make(r)).ToList();
        var lithuanian = Enumerable.Range(0, 100).Select(_ => Nation.Lithuanian.Make(r)).ToList();
        return
        [
            new("klienci-pl", "Klienci Polska", "plain CSV, UTF-8, ',' (with 2 deliberately bad rows)", Plain(polish, ',', bad: true), null),
            new("partneri-cz-de", "Partneři CZ + Partner DE", "Outlook export, Windows-1250, no charset given",
                Encoding.GetEncoding(1250).GetBytes(Outlook(czechAndGerman)), null),
            new("tiekejai-lt", "Tiekėjai Lietuva", "plain CSV, UTF-8 with BOM, ';'",
                [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(PlainText(lithuanian, ';', bad: false))], null),
        ];
    }

    private static byte[] Plain(IReadOnlyList<Person> people, char sep, bool bad) => Encoding.UTF8.GetBytes(PlainText(people, sep, bad));

    private static string PlainText(IReadOnlyList<Person> people, char sep, bool bad)
    {
        var lines = new List<string> { string.Join(sep, "givenName", "surname", "company", "jobTitle", "email", "phone", "mobile", "city", "country") };
        foreach (var p in people)
            lines.Add(string.Join(sep, new[] { p.GivenName, p.Surname, p.Company, p.JobTitle, p.Email, p.Phone, p.Mobile, p.City, p.Country }.Select(v => Quote(v, sep))));
        if (bad)
        {
            lines.Insert(40, string.Join(sep, "", "", "", "", "", "601 234 567", "", "", "")); // no name and no e-mail
            lines.Insert(77, string.Join(sep, "Jan", "Kowalski", "", "", "jan.kowalski@@firma", "", "", "", "")); // a broken e-mail
        }
        return string.Join("\r\n", lines) + "\r\n";
    }

    private static string Outlook(IReadOnlyList<Person> people)
    {
        var sb = new StringBuilder("\"First Name\",\"Last Name\",\"Company\",\"Job Title\",\"Business City\",\"Business Country/Region\","
            + "\"Business Phone\",\"Mobile Phone\",\"E-mail Address\",\"E-mail Type\",\"E-mail Display Name\",\"Categories\"\r\n");
        foreach (var p in people)
            sb.Append(string.Join(',', new[] { p.GivenName, p.Surname, p.Company, p.JobTitle, p.City, p.Country, p.Phone, p.Mobile,
                p.Email, "SMTP", $"{p.GivenName} {p.Surname} ({p.Email})", "Partner" }.Select(v => $"\"{v.Replace("\"", "\"\"")}\""))).Append("\r\n");
        return sb.ToString();
    }

    private static string Quote(string v, char sep) => v.Contains(sep) || v.Contains('"') ? $"\"{v.Replace("\"", "\"\"")}\"" : v;
}
