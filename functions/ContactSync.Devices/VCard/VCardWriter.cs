using System.Globalization;
using System.Text;
using ContactSync.Engine.Items;
using static ContactSync.Devices.VCard.VCardText;
using F = ContactSync.Engine.Items.ContactFields;

namespace ContactSync.Devices.VCard;

/// <summary>Writes a contact as vCard 4.0 (RFC 6350), CRLF line ends, folded at 75 octets. FN is required, so without a
/// display name it is composed from the names (then the company, then the first e-mail).</summary>
public static class VCardWriter
{
    public const string MarkerProperty = "X-CONTACTSYNC-HUBID";
    public const string ClassificationProperty = "X-CONTACTSYNC-CLASSIFICATION";

    public static string Write(FieldMap item, string uid, string? marker = null, IEnumerable<string>? preserved = null)
    {
        var sb = new StringBuilder();
        void Line(string line) => AppendFolded(sb, line);
        void Text(string name, string? value) { if (!string.IsNullOrEmpty(value)) Line($"{name}:{Escape(value)}"); }

        Line("BEGIN:VCARD");
        Line("VERSION:4.0");
        Line($"UID:{uid}");
        Line($"FN:{Escape(FormattedName(item))}");
        Line($"N:{Escape(item[F.Surname] ?? "")};{Escape(item[F.GivenName] ?? "")};{Escape(item[F.MiddleName] ?? "")};;");
        Text("NICKNAME", item[F.Nickname]);
        if (item[F.CompanyName] is not null || item[F.Department] is not null)
            Line($"ORG:{Escape(item[F.CompanyName] ?? "")}" + (item[F.Department] is { } dept ? $";{Escape(dept)}" : ""));
        Text("TITLE", item[F.JobTitle]);
        foreach (var e in item.List(F.Emails)) Text("EMAIL", e);
        foreach (var (list, type) in new[] { (F.BusinessPhones, ";TYPE=work"), (F.HomePhones, ";TYPE=home"), (F.MobilePhones, ";TYPE=cell"), (F.OtherPhones, "") })
            foreach (var tel in item.List(list)) Text($"TEL{type}", tel);
        foreach (var (address, type) in new[] { (F.BusinessAddress, ";TYPE=work"), (F.HomeAddress, ";TYPE=home"), (F.OtherAddress, "") })
            if (PostalAddress.From(item, address) is { } a)
                Line($"ADR{type}:;;{Escape(a.Street ?? "")};{Escape(a.City ?? "")};{Escape(a.State ?? "")};{Escape(a.PostalCode ?? "")};{Escape(a.CountryOrRegion ?? "")}");
        foreach (var url in item.List(F.WebPages)) Line($"URL:{url}");
        if (item.List(F.Categories) is { Count: > 0 } cats) Line($"CATEGORIES:{string.Join(',', cats.Select(Escape))}");
        Text("NOTE", item[F.Notes]);
        if (item[F.Birthday] is { } bday && DateOnly.TryParseExact(bday, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            Line($"BDAY:{d:yyyyMMdd}");
        Text(ClassificationProperty, item[F.Classification]);
        Text(MarkerProperty, marker);
        foreach (var raw in preserved ?? []) Line(raw);
        Line("END:VCARD");
        return sb.ToString();
    }

    public static string FormattedName(FieldMap item)
    {
        if (item[F.DisplayName] is { } dn) return dn;
        var names = string.Join(' ', new[] { item[F.GivenName], item[F.MiddleName], item[F.Surname] }.Where(n => !string.IsNullOrEmpty(n)));
        return names.Length > 0 ? names : item[F.CompanyName] ?? item.List(F.Emails).FirstOrDefault() ?? "";
    }
}
