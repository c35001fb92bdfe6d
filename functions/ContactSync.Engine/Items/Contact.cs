namespace ContactSync.Engine.Items;

/// <summary>A contact as the hub holds it, every value kept. Lists keep their order; compare two contacts through
/// <see cref="ToFieldMap"/> (records compare lists by reference).</summary>
public sealed record Contact
{
    public string? GivenName { get; init; }
    public string? MiddleName { get; init; }
    public string? Surname { get; init; }
    public string? Nickname { get; init; }
    public string? DisplayName { get; init; }
    public string? CompanyName { get; init; }
    public string? Department { get; init; }
    public string? JobTitle { get; init; }
    public IReadOnlyList<string> Emails { get; init; } = [];
    public IReadOnlyList<string> BusinessPhones { get; init; } = [];
    public IReadOnlyList<string> HomePhones { get; init; } = [];
    public IReadOnlyList<string> MobilePhones { get; init; } = [];
    public IReadOnlyList<string> OtherPhones { get; init; } = [];
    public PostalAddress? BusinessAddress { get; init; }
    public PostalAddress? HomeAddress { get; init; }
    public PostalAddress? OtherAddress { get; init; }
    public IReadOnlyList<string> WebPages { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>Hub classification path, e.g. "Customers/Poland/Warsaw".</summary>
    public string? Classification { get; init; }
    public string? Notes { get; init; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? Birthday { get; init; }

    public FieldMap ToFieldMap()
    {
        var map = FieldMap.From(
        [
            new(ContactFields.GivenName, GivenName), new(ContactFields.MiddleName, MiddleName),
            new(ContactFields.Surname, Surname), new(ContactFields.Nickname, Nickname),
            new(ContactFields.DisplayName, DisplayName), new(ContactFields.CompanyName, CompanyName),
            new(ContactFields.Department, Department), new(ContactFields.JobTitle, JobTitle),
            new(ContactFields.Classification, Classification), new(ContactFields.Notes, Notes),
            new(ContactFields.Birthday, Birthday),
            .. (BusinessAddress ?? new()).Fields(ContactFields.BusinessAddress),
            .. (HomeAddress ?? new()).Fields(ContactFields.HomeAddress),
            .. (OtherAddress ?? new()).Fields(ContactFields.OtherAddress),
        ]);
        return map.WithList(ContactFields.Emails, Emails)
            .WithList(ContactFields.BusinessPhones, BusinessPhones).WithList(ContactFields.HomePhones, HomePhones)
            .WithList(ContactFields.MobilePhones, MobilePhones).WithList(ContactFields.OtherPhones, OtherPhones)
            .WithList(ContactFields.WebPages, WebPages).WithList(ContactFields.Categories, Categories);
    }

    /// <summary>The contact a map describes; keys that are not contact fields are ignored.</summary>
    public static Contact From(FieldMap map) => new()
    {
        GivenName = map[ContactFields.GivenName], MiddleName = map[ContactFields.MiddleName],
        Surname = map[ContactFields.Surname], Nickname = map[ContactFields.Nickname],
        DisplayName = map[ContactFields.DisplayName], CompanyName = map[ContactFields.CompanyName],
        Department = map[ContactFields.Department], JobTitle = map[ContactFields.JobTitle],
        Emails = map.List(ContactFields.Emails),
        BusinessPhones = map.List(ContactFields.BusinessPhones), HomePhones = map.List(ContactFields.HomePhones),
        MobilePhones = map.List(ContactFields.MobilePhones), OtherPhones = map.List(ContactFields.OtherPhones),
        BusinessAddress = PostalAddress.From(map, ContactFields.BusinessAddress),
        HomeAddress = PostalAddress.From(map, ContactFields.HomeAddress),
        OtherAddress = PostalAddress.From(map, ContactFields.OtherAddress),
        WebPages = map.List(ContactFields.WebPages), Categories = map.List(ContactFields.Categories),
        Classification = map[ContactFields.Classification], Notes = map[ContactFields.Notes],
        Birthday = map[ContactFields.Birthday],
    };
}
