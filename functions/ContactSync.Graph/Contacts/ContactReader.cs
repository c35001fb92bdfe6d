using System.Globalization;
using ContactSync.Engine.Items;
using GraphContact = Microsoft.Graph.Models.Contact;
using GraphAddress = Microsoft.Graph.Models.PhysicalAddress;

namespace ContactSync.Graph.Contacts;

/// <summary>Graph contact → the engine's FieldMap (the keys <see cref="ContactFields"/> names). Exactly the properties
/// <see cref="ContactWriter"/> writes are read, so that what we write reads back the same; personalNotes is neither
/// written nor read (the projection keeps notes in the hub).</summary>
public static class ContactReader
{
    /// <summary>The properties read and written, for <c>$select</c>.</summary>
    public static readonly string Select = string.Join(',',
        "givenName", "middleName", "surname", "nickName", "displayName", "companyName", "department", "jobTitle",
        "emailAddresses", "businessPhones", "homePhones", "mobilePhone", "businessHomePage", "categories", "birthday",
        "businessAddress", "homeAddress", "otherAddress", "changeKey", "lastModifiedDateTime");

    public static FieldMap Read(GraphContact c)
    {
        var map = FieldMap.From(
        [
            new(ContactFields.GivenName, c.GivenName), new(ContactFields.MiddleName, c.MiddleName),
            new(ContactFields.Surname, c.Surname), new(ContactFields.Nickname, c.NickName),
            new(ContactFields.DisplayName, c.DisplayName), new(ContactFields.CompanyName, c.CompanyName),
            new(ContactFields.Department, c.Department), new(ContactFields.JobTitle, c.JobTitle),
            new(ContactFields.Birthday, c.Birthday?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            .. Address(ContactFields.BusinessAddress, c.BusinessAddress),
            .. Address(ContactFields.HomeAddress, c.HomeAddress),
            .. Address(ContactFields.OtherAddress, c.OtherAddress),
        ]);
        return map
            .WithList(ContactFields.Emails, (c.EmailAddresses ?? []).Select(e => e.Address ?? ""))
            .WithList(ContactFields.BusinessPhones, c.BusinessPhones ?? [])
            .WithList(ContactFields.HomePhones, c.HomePhones ?? [])
            .With(ContactFields.MobilePhones, c.MobilePhone)
            .With(ContactFields.WebPages, c.BusinessHomePage)
            .WithList(ContactFields.Categories, c.Categories ?? []);
    }

    /// <summary>The etag Graph wants back in If-Match: <c>@odata.etag</c>, or <c>W/"changeKey"</c> built from the key.</summary>
    public static string Version(GraphContact c) =>
        c.AdditionalData.TryGetValue("@odata.etag", out var etag) && etag is string { Length: > 0 } s ? s
        : c.ChangeKey is { Length: > 0 } key ? $"W/\"{key}\""
        : throw new InvalidOperationException($"Contact {c.Id} came without @odata.etag or changeKey.");

    public static string? Marker(GraphContact c) =>
        c.SingleValueExtendedProperties?.FirstOrDefault(p =>
            string.Equals(p.Id, ContactMarker.PropertyId, StringComparison.OrdinalIgnoreCase))?.Value;

    static IEnumerable<KeyValuePair<string, string?>> Address(string field, GraphAddress? a) =>
    [
        new(ContactFields.AddressPart(field, AddressParts.Street), a?.Street),
        new(ContactFields.AddressPart(field, AddressParts.City), a?.City),
        new(ContactFields.AddressPart(field, AddressParts.State), a?.State),
        new(ContactFields.AddressPart(field, AddressParts.PostalCode), a?.PostalCode),
        new(ContactFields.AddressPart(field, AddressParts.CountryOrRegion), a?.CountryOrRegion),
    ];
}
