using F = ContactSync.Engine.Items.ContactFields;

namespace ContactSync.Hub.Directory.Csv;

/// <summary>The plain member CSV: a header row naming any of these columns, in any order, case-insensitive:
/// <c>displayName, email, phone, mobile, homePhone, otherPhone, givenName, middleName, surname, nickname, company,
/// department, jobTitle, street, city, state, postalCode, country, webPage, categories, classification, notes,
/// birthday</c>. <c>email</c>, the phone columns, <c>webPage</c> and <c>categories</c> take several values separated by
/// ';'; <c>phone</c> is a business phone; the address columns are the business address; <c>birthday</c> is yyyy-MM-dd
/// (or a date as the tenant's region writes it).</summary>
public static class PlainCsvFormat
{
    private static string Business(string part) => F.AddressPart(F.BusinessAddress, part);

    public static readonly IReadOnlyList<CsvColumn> Columns =
    [
        new("displayName", F.DisplayName), new("email", F.Emails), new("phone", F.BusinessPhones),
        new("mobile", F.MobilePhones), new("homePhone", F.HomePhones), new("otherPhone", F.OtherPhones),
        new("givenName", F.GivenName), new("middleName", F.MiddleName), new("surname", F.Surname),
        new("nickname", F.Nickname), new("company", F.CompanyName), new("department", F.Department),
        new("jobTitle", F.JobTitle), new("street", Business("street")), new("city", Business("city")),
        new("state", Business("state")), new("postalCode", Business("postalCode")),
        new("country", Business("countryOrRegion")), new("webPage", F.WebPages), new("categories", F.Categories),
        new("classification", F.Classification), new("notes", F.Notes), new("birthday", F.Birthday),
    ];

    public static readonly CsvContactFormat Format = new("plain", [.. Columns.Select(c => c.Header)], Columns);
}
