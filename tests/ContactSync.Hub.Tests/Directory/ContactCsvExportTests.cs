using System.Text;
using ContactSync.Engine.Items;
using ContactSync.Hub.Directory;
using ContactSync.Hub.Directory.Csv;
using ContactSync.Hub.Tests.Support;

namespace ContactSync.Hub.Tests.Directory;

public class ContactCsvExportTests
{
    [Fact]
    public void The_export_is_utf8_with_bom_under_outlooks_header_and_keeps_every_value()
    {
        var contact = new Contact
        {
            GivenName = "Łukasz", Surname = "Żółć", CompanyName = "Wróbel, Syn i S-ka", Emails = ["a@x.pl", "b@x.pl", "c@x.pl", "d@x.pl"],
            BusinessPhones = ["+48221234567", "+48221234568", "+48221234569"], MobilePhones = ["+48600100200", "+48600100201"],
            Notes = "Linia 1\nLinia \"2\"", Categories = ["VIP", "Klient"], Classification = "Customers/Poland", Birthday = "1980-04-15",
            BusinessAddress = new PostalAddress("ul. Piotrkowska 1", "Łódź", null, "90-001", "Polska"),
        }.ToFieldMap();
        var bytes = ContactCsvExport.ToBytes([contact]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var records = CsvText.Read(Encoding.UTF8.GetString(bytes[3..]), ',');
        Assert.Equal([.. OutlookCsvFormat.OutlookHeaders, "Nickname", "Classification"], records[0].Fields);
        Assert.Equal(contact, OutlookCsvFormat.Format.Reader(records[0].Fields)(records[1].Fields));
        var row = records[0].Fields.Zip(records[1].Fields).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal("c@x.pl; d@x.pl", row["E-mail 3 Address"]);
        Assert.Equal("+48221234568; +48221234569", row["Business Phone 2"]);
    }

    [Fact]
    public async Task Exported_members_re_import_unchanged()
    {
        var hub = await TestHub.CreateAsync();
        await hub.GroupAsync("sales");
        await hub.Import.ImportAsync(hub.TenantId, "sales", OutlookCsv.Bytes(OutlookCsv.Text(';', OutlookCsv.Sample), Encoding.UTF8, true), null, "PL");
        var members = (await hub.Groups.MembersAsync(hub.TenantId, "sales")).Value!;
        var export = ContactCsvExport.ToBytes(members.Select(m => m.Contact));
        var again = (await hub.Import.ImportAsync(hub.TenantId, "sales", export, null, "PL")).Value!;
        Assert.Empty(again.Errors);
        Assert.Equal((0, 0, members.Count), (again.Imported, again.Updated, again.Unchanged));
    }

    [Fact]
    public void The_plain_layout_exports_its_own_columns_and_reads_back()
    {
        var contact = FieldMap.Empty.With(ContactFields.DisplayName, "Rūta Žemaitytė").WithList(ContactFields.Emails, ["r@x.lt", "r2@x.lt"])
            .With(ContactFields.Classification, "Customers/Lithuania");
        var format = CsvContactFormat.ByName("Plain")!;
        var records = CsvText.Read(Encoding.UTF8.GetString(ContactCsvExport.ToBytes([contact], format)[3..]), ',');
        Assert.Equal(PlainCsvFormat.Format.Headers, records[0].Fields);
        Assert.Equal(contact, format.Reader(records[0].Fields)(records[1].Fields));
        Assert.Null(CsvContactFormat.ByName("vcard"));
    }

    [Fact]
    public async Task A_group_exports_in_the_layout_it_was_imported_with()
    {
        var hub = await TestHub.CreateAsync();
        await hub.GroupAsync("plain");
        await hub.Import.ImportAsync(hub.TenantId, "plain", Encoding.UTF8.GetBytes("displayName;email;classification\nRūta Žemaitytė;r@x.lt;Customers/LT\n"), null, "LT");
        await hub.GroupAsync("plain"); // saving the group again keeps what the import recorded
        var group = (await hub.Groups.GetAsync(hub.TenantId, "plain"))!;
        Assert.Equal("plain", group.CsvFormat);
        var csv = Encoding.UTF8.GetString(ContactCsvExport.Members(group, (await hub.Groups.MembersAsync(hub.TenantId, "plain")).Value!));
        Assert.StartsWith("\uFEFFdisplayName,email,phone", csv);
        Assert.Contains("Rūta Žemaitytė,r@x.lt,", csv);
        Assert.Contains("Customers/LT", csv);
    }

    [Fact]
    public void A_contact_known_only_by_its_display_name_keeps_it()
    {
        var only = FieldMap.Empty.With(ContactFields.DisplayName, "Recepcja").WithList(ContactFields.Emails, ["recepcja@x.pl"]);
        var records = CsvText.Read(Encoding.UTF8.GetString(ContactCsvExport.ToBytes([only])[3..]), ',');
        var back = MemberContact.Prepare(OutlookCsvFormat.Format.Reader(records[0].Fields)(records[1].Fields), "PL");
        Assert.Equal("Recepcja", back.Member!.Contact[ContactFields.DisplayName]);
    }
}
