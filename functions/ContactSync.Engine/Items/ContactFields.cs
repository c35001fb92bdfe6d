namespace ContactSync.Engine.Items;

/// <summary>FieldMap keys of a contact. List fields hold their entries joined by <see cref="FieldMap.ListSeparator"/>;
/// address parts are dotted ("businessAddress.city").</summary>
public static class ContactFields
{
    public const string GivenName = "givenName";
    public const string MiddleName = "middleName";
    public const string Surname = "surname";
    public const string Nickname = "nickname";
    public const string DisplayName = "displayName";
    public const string CompanyName = "companyName";
    public const string Department = "department";
    public const string JobTitle = "jobTitle";
    public const string Emails = "emails";
    public const string BusinessPhones = "businessPhones";
    public const string HomePhones = "homePhones";
    public const string MobilePhones = "mobilePhones";
    public const string OtherPhones = "otherPhones";
    public const string BusinessAddress = "businessAddress";
    public const string HomeAddress = "homeAddress";
    public const string OtherAddress = "otherAddress";
    public const string WebPages = "webPages";
    public const string Categories = "categories";
    /// <summary>The hub's classification path, segments joined by '/' ("Customers/Poland/Warsaw").</summary>
    public const string Classification = "classification";
    public const string Notes = "notes";
    /// <summary>yyyy-MM-dd.</summary>
    public const string Birthday = "birthday";

    public static readonly IReadOnlyList<string> Names =
        [GivenName, MiddleName, Surname, Nickname, DisplayName, CompanyName, Department, JobTitle];
    public static readonly IReadOnlyList<string> PhoneLists = [BusinessPhones, HomePhones, MobilePhones, OtherPhones];
    public static readonly IReadOnlyList<string> Lists = [Emails, .. PhoneLists, WebPages, Categories];
    public static readonly IReadOnlyList<string> Addresses = [BusinessAddress, HomeAddress, OtherAddress];
    public static readonly IReadOnlyList<string> AddressFields =
        [.. Addresses.SelectMany(a => AddressParts.All.Select(p => AddressPart(a, p)))];

    /// <summary>Every key a contact can carry, in a fixed order.</summary>
    public static readonly IReadOnlyList<string> All =
        [.. Names, .. Lists, .. AddressFields, Classification, Notes, Birthday];

    public static string AddressPart(string address, string part) => $"{address}.{part}";
}

/// <summary>The parts of a postal address, as Graph's physicalAddress names them.</summary>
public static class AddressParts
{
    public const string Street = "street";
    public const string City = "city";
    public const string State = "state";
    public const string PostalCode = "postalCode";
    public const string CountryOrRegion = "countryOrRegion";
    public static readonly IReadOnlyList<string> All = [Street, City, State, PostalCode, CountryOrRegion];
}
