using System.Text;
using ContactSync.Engine.Items;
using ContactSync.Hub.Directory;
using ContactSync.Hub.Directory.Csv;
using ContactSync.Hub.Tests.Support;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Tests.Directory;

public class MemberCsvImportTests
{
    static MemberCsvImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, char, bool> Encodings => new()
    {
        { "utf-8", ',', true }, { "utf-8", ';', false }, { "utf-16", ',', true }, { "utf-16BE", ';', true },
        { "windows-1250", ';', false },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Good_rows_import_and_bad_rows_are_reported_by_line(string encoding, char separator, bool bom)
    {
        var hub = await TestHub.CreateAsync();
        await hub.GroupAsync("sales");
        var bytes = OutlookCsv.Bytes(OutlookCsv.Text(separator, OutlookCsv.Sample), Encoding.GetEncoding(encoding), bom);
        var outcome = await hub.Import.ImportAsync(hub.TenantId, "sales", bytes, null, "PL");
        Assert.True(outcome.IsOk, outcome.ToString());
        var r = outcome.Value!;
        Assert.Equal(separator, r.Separator);
        Assert.Equal("outlook", r.Format);
        Assert.Equal(3, r.Imported);
        // Line 1 is the header; row 1 spans lines 2-3 (its note has a line break), so the bad rows are on lines 5 and 6.
        Assert.Equal([5, 6], r.Errors.Select(e => e.Line));
        Assert.Contains("'kontakt@' is not a valid e-mail address", r.Errors[0].Message);
        Assert.Contains("neither a name nor an e-mail address", r.Errors[1].Message);
        Assert.Contains(r.Warnings, w => w.Line == 7 && w.Message.Contains("'12'"));

        var members = (await hub.Groups.MembersAsync(hub.TenantId, "sales")).Value!;
        Assert.Equal(3, members.Count);
        var lukasz = members.Single(m => m.Contact[ContactFields.Surname] == "Żółć").Contact;
        Assert.Equal("Łukasz Żółć", lukasz[ContactFields.DisplayName]);
        Assert.Equal("+48600100200", lukasz[ContactFields.MobilePhones]);
        Assert.Equal("Lukasz.Zolc@example.pl", lukasz[ContactFields.Emails]);
        Assert.Equal("Łódź", lukasz["businessAddress.city"]);
        Assert.Equal("Klient od 2019\nDzwonić rano", lukasz[ContactFields.Notes]);
        var jiri = members.Single(m => m.Contact[ContactFields.Surname] == "Dvořák").Contact;
        Assert.Equal("+420601123456", jiri[ContactFields.BusinessPhones]);
        var jurgen = members.Single(m => m.Contact[ContactFields.GivenName] == "Jürgen").Contact;
        Assert.Equal(["VIP", "Partner"], jurgen.List(ContactFields.Categories));
        Assert.Null(jurgen[ContactFields.Birthday]);
    }

    [Fact]
    public async Task Windows_1252_from_a_german_outlook_keeps_its_umlauts_and_accents()
    {
        var hub = await TestHub.CreateAsync();
        await hub.GroupAsync("de");
        var text = OutlookCsv.Text(';',
            OutlookCsv.Row(("First Name", "Jürgen"), ("Last Name", "Müller"), ("E-mail Address", "jm@example.de")),
            OutlookCsv.Row(("First Name", "François"), ("Last Name", "Lefèvre"), ("Company", "Société Générale"), ("E-mail Address", "fl@example.fr")),
            OutlookCsv.Row(("First Name", "Straße"), ("Last Name", "Größe"), ("E-mail Address", "sg@example.de")));
        var r = (await hub.Import.ImportAsync(hub.TenantId, "de", OutlookCsv.Bytes(text, Encoding.GetEncoding(1252), false), null, "DE")).Value!;
        Assert.Equal("windows-1252", r.Encoding);
        Assert.Equal(3, r.Imported);
        var names = (await hub.Groups.MembersAsync(hub.TenantId, "de")).Value!.Select(m => m.Contact[ContactFields.DisplayName]).Order();
        Assert.Equal(["François Lefèvre", "Jürgen Müller", "Straße Größe"], names);
    }

    [Fact]
    public async Task Windows_1250_is_told_from_1252_by_the_letters_it_makes()
    {
        var hub = await TestHub.CreateAsync();
        await hub.GroupAsync("cz");
        var text = OutlookCsv.Text(',', OutlookCsv.Row(("First Name", "Jiří"), ("Last Name", "Dvořák"), ("E-mail Address", "jd@example.cz")),
            OutlookCsv.Row(("First Name", "Łukasz"), ("Last Name", "Żółć"), ("E-mail Address", "lz@example.pl")));
        // No region hint that would favour 1250: the Polish letters decide.
        var r = (await hub.Import.ImportAsync(hub.TenantId, "cz", OutlookCsv.Bytes(text, Encoding.GetEncoding(1250), false), null, "DE")).Value!;
        Assert.Equal("windows-1250", r.Encoding);
        var names = (await hub.Groups.MembersAsync(hub.TenantId, "cz")).Value!.Select(m => m.Contact[ContactFields.DisplayName]).Order();
        Assert.Equal(["Jiří Dvořák", "Łukasz Żółć"], names);
    }

    [Fact]
    public void A_charset_parameter_decides_bytes_that_are_not_utf8()
    {
        var bytes = Encoding.GetEncoding(1250).GetBytes("displayName,email\r\nJiří Dvořák,jd@example.cz\r\n");
        Assert.Equal("Jiří Dvořák", CsvText.Read(CsvDecoding.Decode(bytes, "windows-1250", "DE").Text, ',')[1].Fields[0]);
        Assert.NotEqual("Jiří Dvořák", CsvText.Read(CsvDecoding.Decode(bytes, "iso-8859-1", "DE").Text, ',')[1].Fields[0]);
        // Valid UTF-8 wins over a wrong charset parameter.
        Assert.Equal("Jiří Dvořák", CsvText.Read(CsvDecoding.Decode(Encoding.UTF8.GetBytes("x\r\nJiří Dvořák"), "windows-1252").Text, ',')[1].Fields[0]);
    }

    [Fact]
    public async Task Re_importing_updates_instead_of_duplicating()
    {
        var hub = await TestHub.CreateAsync();
        await hub.GroupAsync("sales");
        var bytes = OutlookCsv.Bytes(OutlookCsv.Text(',', OutlookCsv.Sample), Encoding.UTF8, true);
        await hub.Import.ImportAsync(hub.TenantId, "sales", bytes, null, "PL");
        var again = (await hub.Import.ImportAsync(hub.TenantId, "sales", bytes, null, "PL")).Value!;
        Assert.Equal((0, 0, 3), (again.Imported, again.Updated, again.Unchanged));

        var changed = OutlookCsv.Sample;
        changed[1]["Job Title"] = "Ředitel";
        changed[1]["E-mail Address"] = "JIRI.DVORAK@example.cz"; // same person: e-mails compare ignoring case
        var third = (await hub.Import.ImportAsync(hub.TenantId, "sales", OutlookCsv.Bytes(OutlookCsv.Text(',', changed), Encoding.UTF8, true), null, "PL")).Value!;
        Assert.Equal((0, 1, 2), (third.Imported, third.Updated, third.Unchanged));
        var members = (await hub.Groups.MembersAsync(hub.TenantId, "sales")).Value!;
        Assert.Equal(3, members.Count);
        Assert.Equal("Ředitel", members.Single(m => m.Contact[ContactFields.Surname] == "Dvořák").Contact[ContactFields.JobTitle]);
    }

    [Fact]
    public async Task An_exchange_x500_address_is_left_out_with_a_warning_not_an_error()
    {
        var hub = await TestHub.CreateAsync();
        await hub.GroupAsync("gal");
        var text = OutlookCsv.Text(',', OutlookCsv.Row(("First Name", "Jan"), ("Last Name", "Kowalski"),
            ("E-mail Address", "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=abc123-jan"),
            ("E-mail Type", "EX"), ("E-mail 2 Address", "jan.kowalski@contoso.pl"), ("E-mail 2 Type", "SMTP")));
        var r = (await hub.Import.ImportAsync(hub.TenantId, "gal", Encoding.UTF8.GetBytes(text), null, "PL")).Value!;
        Assert.Empty(r.Errors);
        Assert.Contains(r.Warnings, w => w.Line == 2 && w.Message.Contains("X.500"));
        Assert.Equal("jan.kowalski@contoso.pl", (await hub.Groups.MembersAsync(hub.TenantId, "gal")).Value!.Single().Email);
    }

    [Theory]
    [InlineData("4/15/1980", "PL", "1980-04-15")] // US Outlook, Polish tenant: only month-first makes sense
    [InlineData("15.04.1980", "PL", "1980-04-15")]
    [InlineData("1980-04-15", "DE", "1980-04-15")]
    [InlineData("4/5/1980", "PL", "1980-05-04")] // ambiguous: the tenant's region decides (day first)
    [InlineData("4/5/1980", "US", "1980-04-05")]
    public async Task Birthdays_are_read_as_outlook_writes_them(string written, string region, string expected)
    {
        var hub = await TestHub.CreateAsync();
        await hub.GroupAsync("b");
        var text = OutlookCsv.Text(',', OutlookCsv.Row(("First Name", "Ola"), ("E-mail Address", "ola@x.pl"), ("Birthday", written)));
        var r = (await hub.Import.ImportAsync(hub.TenantId, "b", Encoding.UTF8.GetBytes(text), null, region)).Value!;
        Assert.Empty(r.Warnings);
        Assert.Equal(expected, (await hub.Groups.MembersAsync(hub.TenantId, "b")).Value!.Single().Contact[ContactFields.Birthday]);
    }

    [Fact]
    public async Task A_replacing_import_removes_the_members_the_file_no_longer_has()
    {
        var hub = await TestHub.CreateAsync();
        await hub.GroupAsync("g");
        await hub.Import.ImportAsync(hub.TenantId, "g", Encoding.UTF8.GetBytes("displayName,email\nA,a@x.pl\nB,b@x.pl\n"), null, "PL");
        var added = (await hub.Import.ImportAsync(hub.TenantId, "g", Encoding.UTF8.GetBytes("displayName,email\nC,c@x.pl\n"), null, "PL")).Value!;
        Assert.Equal((1, 0), (added.Imported, added.Removed));
        var replaced = (await hub.Import.ImportAsync(hub.TenantId, "g", Encoding.UTF8.GetBytes("displayName,email\nB,b@x.pl\nD,d@x.pl\n"), null, "PL", replace: true)).Value!;
        Assert.Equal((1, 1, 2), (replaced.Imported, replaced.Unchanged, replaced.Removed));
        Assert.Equal(["b@x.pl", "d@x.pl"], (await hub.Groups.MembersAsync(hub.TenantId, "g")).Value!.Select(m => m.Email).Order());
    }

    [Fact]
    public async Task The_plain_layout_imports_and_a_row_repeated_in_the_file_is_kept_once()
    {
        var hub = await TestHub.CreateAsync();
        await hub.GroupAsync("lt");
        const string csv = "displayName;email;phone;mobile;company\n" +
                           "Rūta Žemaitytė;ruta@example.lt;8 5 212 3456;;UAB \"Baltija\"\n" +
                           "\"Jonas Petraitis\";;+370 612 34567;8 612 34567;\n" +
                           "Rūta Ž.;RUTA@example.lt;;;\n";
        var r = (await hub.Import.ImportAsync(hub.TenantId, "lt", Encoding.UTF8.GetBytes(csv), null, "LT")).Value!;
        Assert.Equal("plain", r.Format);
        Assert.Equal(2, r.Imported);
        Assert.Contains(r.Warnings, w => w.Line == 4 && w.Message.Contains("line 2"));
        var members = (await hub.Groups.MembersAsync(hub.TenantId, "lt")).Value!;
        Assert.Equal(["Jonas Petraitis", "Rūta Ž."], members.Select(m => m.Contact[ContactFields.DisplayName]).Order());
        var jonas = members.Single(m => m.Contact[ContactFields.DisplayName] == "Jonas Petraitis").Contact;
        Assert.Equal("+37061234567", jonas[ContactFields.BusinessPhones]);
        Assert.StartsWith("n", members.Single(m => m.Contact == jonas).Id);
    }

    [Fact]
    public async Task Unknown_headers_empty_files_and_missing_groups_are_refused()
    {
        var hub = await TestHub.CreateAsync();
        await hub.GroupAsync("g");
        var unknown = await hub.Import.ImportAsync(hub.TenantId, "g", Encoding.UTF8.GetBytes("name,mail\nA,a@b.c\n"), null, "PL");
        Assert.Equal(OutcomeKind.Invalid, unknown.Kind);
        Assert.Contains("not a known header", unknown.Errors!.Errors["body"][0]);
        Assert.Equal(OutcomeKind.Invalid, (await hub.Import.ImportAsync(hub.TenantId, "g", [], null, "PL")).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await hub.Import.ImportAsync(hub.TenantId, "nope", Encoding.UTF8.GetBytes("email\na@b.cz"), null, "PL")).Kind);
        Assert.Empty((await hub.Groups.MembersAsync(hub.TenantId, "g")).Value!);
    }
}
