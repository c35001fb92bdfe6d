using ContactSync.Engine.Items;

namespace ContactSync.Engine.Normalisation;

/// <summary>An item in canonical form, and what could not be made canonical (the raw value is then kept).</summary>
public sealed record NormalisationResult(FieldMap Item, IReadOnlyList<string> Warnings);

/// <summary>
/// Turns a contact as typed or as a source sent it into the canonical form the hub stores and hashes: phones in E.164
/// (national numbers read with the region of the contact's address country, see <see cref="PhoneRegion"/>), e-mails trimmed with lower-case domains, all text NFC with whitespace collapsed
/// (notes keep their lines), lists without duplicates in their first order, birthday as yyyy-MM-dd, classification
/// segments tidied. Idempotent: a canonical contact comes back unchanged. Keys that are not contact fields pass through.
/// </summary>
public sealed class ContactNormaliser(string? defaultRegion)
{
    private static readonly HashSet<string> Known = new(ContactFields.All, StringComparer.Ordinal);

    public string? DefaultRegion { get; } = defaultRegion;

    public (Contact Contact, IReadOnlyList<string> Warnings) Normalise(Contact raw)
    {
        var result = Normalise(raw.ToFieldMap());
        return (Contact.From(result.Item), result.Warnings);
    }

    public NormalisationResult Normalise(FieldMap raw)
    {
        var warnings = new List<string>();
        var fields = raw.Values.Select(kv => KeyValuePair.Create(kv.Key, Field(raw, kv.Key, kv.Value, warnings))).ToList();
        return new(FieldMap.From(fields), warnings);
    }

    /// <summary>The region that national numbers in <paramref name="phoneList"/> are read with: the country of the
    /// address that goes with the list (home phones: the home address; others: the business address; then any other
    /// address with a country) when it is a known region ("Niemcy", "Deutschland", "DE" → DE), else the tenant's. A
    /// German "030 1234567" on a Polish tenant's contact in Berlin becomes +49..., not +48....</summary>
    public string? PhoneRegion(FieldMap contact, string phoneList)
    {
        string[] addresses = phoneList == ContactFields.HomePhones
            ? [ContactFields.HomeAddress, ContactFields.BusinessAddress, ContactFields.OtherAddress]
            : [ContactFields.BusinessAddress, ContactFields.HomeAddress, ContactFields.OtherAddress];
        var country = addresses.Select(a => contact[ContactFields.AddressPart(a, AddressParts.CountryOrRegion)])
            .FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
        return CountryRegions.Of(country) ?? DefaultRegion;
    }

    private string? Field(FieldMap contact, string field, string value, List<string> warnings) => field switch
    {
        ContactFields.Emails => List(value, field, warnings, Email, EmailAddresses.ComparisonKey),
        ContactFields.BusinessPhones or ContactFields.HomePhones or ContactFields.MobilePhones
            or ContactFields.OtherPhones => List(value, field, warnings, Phone(PhoneRegion(contact, field)), v => v),
        ContactFields.WebPages => List(value, field, warnings, (v, _, _) => TextForm.Line(v), v => v),
        ContactFields.Categories => List(value, field, warnings, (v, _, _) => TextForm.Line(v), v => v.ToLowerInvariant()),
        ContactFields.Classification => ClassificationPath.Normalise(value),
        ContactFields.Notes => TextForm.Block(value),
        ContactFields.Birthday => Birthday(value, warnings),
        _ when Known.Contains(field) => TextForm.Line(value),
        _ => value,
    };

    private static string List(string raw, string field, List<string> warnings,
        Func<string, string, List<string>, string> normalise, Func<string, string> key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<string>();
        foreach (var entry in raw.Split(FieldMap.ListSeparator))
        {
            var v = normalise(entry, field, warnings);
            if (v.Length > 0 && seen.Add(key(v))) kept.Add(v);
        }
        return string.Join(FieldMap.ListSeparator, kept);
    }

    private static Func<string, string, List<string>, string> Phone(string? region) => (raw, field, warnings) =>
    {
        var r = PhoneNumbers.Normalise(raw, region);
        if (r.Problem is not null) warnings.Add($"{field}: '{r.Value}' kept as typed, not made canonical: {r.Problem}");
        return r.Value;
    };

    private static string Email(string raw, string field, List<string> warnings)
    {
        var v = EmailAddresses.Normalise(raw);
        if (v.Length > 0 && !EmailAddresses.LooksValid(v)) warnings.Add($"{field}: '{v}' does not look like an e-mail address");
        return v;
    }

    private string Birthday(string raw, List<string> warnings)
    {
        if (Birthdays.TryNormalise(raw, DefaultRegion, out var date)) return date;
        var kept = TextForm.Line(raw);
        if (kept.Length > 0) warnings.Add($"{ContactFields.Birthday}: '{kept}' kept as typed, not a date as yyyy-MM-dd");
        return kept;
    }
}
