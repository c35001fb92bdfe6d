using System.Globalization;
using ContactSync.Engine.Items;
using static ContactSync.Devices.VCard.VCardText;
using F = ContactSync.Engine.Items.ContactFields;

namespace ContactSync.Devices.VCard;

/// <summary>A vCard as the connector read it: the contact, our marker, the UID, and the lines we do not map (PHOTO,
/// IMPP, X- properties of other apps, a second home address...), kept raw so an update writes them back.</summary>
public sealed record ParsedCard(FieldMap Item, string? Marker, string? Uid, IReadOnlyList<string> Preserved);

/// <summary>Reads vCard 3.0 and 4.0 (and 2.1's bare TYPE parameters) into the canonical contact fields.</summary>
public static class VCardReader
{
    static readonly HashSet<string> Structural = ["BEGIN", "END", "VERSION", "PRODID", "REV"];

    public static ParsedCard Read(string text)
    {
        var map = FieldMap.Empty;
        string? marker = null, uid = null;
        var preserved = new List<string>();
        var lists = F.Lists.ToDictionary(l => l, _ => new List<string>());
        foreach (var line in VCardText.Unfold(text).Select(ContentLine.Parse).OfType<ContentLine>())
        {
            if (Structural.Contains(line.Name)) continue;
            var taken = line.Name switch
            {
                "UID" => Take(ref uid, line.Value),
                VCardWriter.MarkerProperty => Take(ref marker, Unescape(line.Value)),
                VCardWriter.ClassificationProperty => Set(ref map, F.Classification, Unescape(line.Value)),
                "FN" => Set(ref map, F.DisplayName, Unescape(line.Value)),
                "NICKNAME" => Set(ref map, F.Nickname, Unescape(line.Value)),
                "TITLE" => Set(ref map, F.JobTitle, Unescape(line.Value)),
                "NOTE" => Set(ref map, F.Notes, Unescape(line.Value)),
                "BDAY" => Birthday(line.Value) is { } b && Set(ref map, F.Birthday, b),
                "N" => Compound(ref map, line.Value, [F.Surname, F.GivenName, F.MiddleName]),
                "ORG" => Compound(ref map, line.Value, [F.CompanyName, F.Department]),
                "ADR" => Address(ref map, line),
                "EMAIL" => Add(lists[F.Emails], Unescape(line.Value)),
                "TEL" => Add(lists[PhoneList(line.Types)], Unescape(line.Value)),
                "URL" => Add(lists[F.WebPages], line.Value.Replace("\\,", ",").Replace("\\;", ";")),
                "CATEGORIES" => AddAll(lists[F.Categories], SplitEscaped(line.Value, ',').Select(Unescape)),
                _ => false,
            };
            if (!taken) preserved.Add(line.Raw);
        }
        foreach (var (field, values) in lists) map = map.WithList(field, values);
        return new ParsedCard(map, marker, uid, preserved);
    }

    static string PhoneList(IReadOnlySet<string> types) =>
        types.Contains("cell") ? F.MobilePhones : types.Contains("work") ? F.BusinessPhones : types.Contains("home") ? F.HomePhones : F.OtherPhones;

    static bool Take(ref string? slot, string value)
    {
        if (slot is not null) return false;
        slot = value;
        return true;
    }

    /// <summary>The first occurrence wins; a repeated property is kept raw.</summary>
    static bool Set(ref FieldMap map, string field, string value)
    {
        if (map[field] is not null) return false;
        map = map.With(field, value);
        return true;
    }

    static bool Add(List<string> list, string value)
    {
        if (value.Length > 0) list.Add(value);
        return true;
    }

    static bool AddAll(List<string> list, IEnumerable<string> values)
    {
        list.AddRange(values.Where(v => v.Length > 0));
        return true;
    }

    static bool Compound(ref FieldMap map, string value, string[] fields)
    {
        var current = map;
        if (fields.Any(f => current[f] is not null)) return false;
        var parts = SplitEscaped(value, ';');
        for (var i = 0; i < fields.Length && i < parts.Count; i++) map = map.With(fields[i], Unescape(parts[i]));
        return true;
    }

    static bool Address(ref FieldMap map, ContentLine line)
    {
        var address = line.Types.Contains("work") ? F.BusinessAddress : line.Types.Contains("home") ? F.HomeAddress : F.OtherAddress;
        var current = map;
        if (AddressParts.All.Any(p => current[F.AddressPart(address, p)] is not null)) return false;
        // pobox; extended; street; locality; region; code; country
        var parts = SplitEscaped(line.Value, ';').Select(Unescape).ToList();
        string Part(int i) => i < parts.Count ? parts[i] : "";
        foreach (var (part, index) in new[] { (AddressParts.Street, 2), (AddressParts.City, 3), (AddressParts.State, 4), (AddressParts.PostalCode, 5), (AddressParts.CountryOrRegion, 6) })
            map = map.With(F.AddressPart(address, part), Part(index));
        return true;
    }

    /// <summary>yyyy-MM-dd from 4.0's 19850412, 3.0's 1985-04-12, either with a time; null (kept raw) otherwise.</summary>
    static string? Birthday(string value)
    {
        var date = value.Split('T')[0];
        string[] formats = ["yyyyMMdd", "yyyy-MM-dd"];
        return DateOnly.TryParseExact(date, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }
}
