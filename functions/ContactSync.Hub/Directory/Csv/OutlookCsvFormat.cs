using ContactSync.Engine.Items;
using F = ContactSync.Engine.Items.ContactFields;

namespace ContactSync.Hub.Directory.Csv;

/// <summary>Outlook's contact CSV export (the English column names of File › Open &amp; Export › Export to a file, the
/// order Microsoft documents for CSV import). Columns with no hub field are written empty and ignored on import. Two
/// columns are added at the end for the hub fields Outlook has no column for: "Nickname" and "Classification".</summary>
public static class OutlookCsvFormat
{
    public static readonly IReadOnlyList<string> OutlookHeaders =
    [
        "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department", "Job Title",
        "Business Street", "Business Street 2", "Business Street 3", "Business City", "Business State",
        "Business Postal Code", "Business Country/Region", "Home Street", "Home Street 2", "Home Street 3", "Home City",
        "Home State", "Home Postal Code", "Home Country/Region", "Other Street", "Other Street 2", "Other Street 3",
        "Other City", "Other State", "Other Postal Code", "Other Country/Region", "Assistant's Phone", "Business Fax",
        "Business Phone", "Business Phone 2", "Callback", "Car Phone", "Company Main Phone", "Home Fax", "Home Phone",
        "Home Phone 2", "ISDN", "Mobile Phone", "Other Fax", "Other Phone", "Pager", "Primary Phone", "Radio Phone",
        "TTY/TDD Phone", "Telex", "Account", "Anniversary", "Assistant's Name", "Billing Information", "Birthday",
        "Business Address PO Box", "Categories", "Children", "Directory Server", "E-mail Address", "E-mail Type",
        "E-mail Display Name", "E-mail 2 Address", "E-mail 2 Type", "E-mail 2 Display Name", "E-mail 3 Address",
        "E-mail 3 Type", "E-mail 3 Display Name", "Gender", "Government ID Number", "Hobby", "Home Address PO Box",
        "Initials", "Internet Free Busy", "Keywords", "Language", "Location", "Manager's Name", "Mileage", "Notes",
        "Office Location", "Organizational ID Number", "Other Address PO Box", "Priority", "Private", "Profession",
        "Referred By", "Sensitivity", "Spouse", "User 1", "User 2", "User 3", "User 4", "Web Page",
    ];

    public static readonly IReadOnlyList<CsvColumn> Columns =
    [
        new("First Name", F.GivenName), new("Middle Name", F.MiddleName), new("Last Name", F.Surname),
        new("Company", F.CompanyName), new("Department", F.Department), new("Job Title", F.JobTitle),
        .. Address("Business", F.BusinessAddress), .. Address("Home", F.HomeAddress), .. Address("Other", F.OtherAddress),
        new("Business Phone", F.BusinessPhones), new("Business Phone 2", F.BusinessPhones, 1),
        new("Home Phone", F.HomePhones), new("Home Phone 2", F.HomePhones, 1),
        new("Mobile Phone", F.MobilePhones),
        new("Other Phone", F.OtherPhones), new("Primary Phone", F.OtherPhones, 1), new("Company Main Phone", F.OtherPhones, 2),
        new("Car Phone", F.OtherPhones, 3), new("Callback", F.OtherPhones, 4), new("Radio Phone", F.OtherPhones, 5),
        new("E-mail Address", F.Emails), new("E-mail 2 Address", F.Emails, 1), new("E-mail 3 Address", F.Emails, 2),
        new("Web Page", F.WebPages), new("Notes", F.Notes), new("Categories", F.Categories), new("Birthday", F.Birthday),
        new("Nickname", F.Nickname), new("Classification", F.Classification),
    ];

    public static readonly CsvContactFormat Format = new("outlook", [.. OutlookHeaders, "Nickname", "Classification"], Columns);

    private static IEnumerable<CsvColumn> Address(string prefix, string address) =>
    [
        new($"{prefix} Street", F.AddressPart(address, AddressParts.Street)),
        new($"{prefix} Street 2", F.AddressPart(address, AddressParts.Street), 1),
        new($"{prefix} Street 3", F.AddressPart(address, AddressParts.Street), 2),
        new($"{prefix} City", F.AddressPart(address, AddressParts.City)),
        new($"{prefix} State", F.AddressPart(address, AddressParts.State)),
        new($"{prefix} Postal Code", F.AddressPart(address, AddressParts.PostalCode)),
        new($"{prefix} Country/Region", F.AddressPart(address, AddressParts.CountryOrRegion)),
    ];
}
