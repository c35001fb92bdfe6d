using System.Text.Json.Nodes;
using ContactSync.Engine.Items;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;
using F = ContactSync.Engine.Items.ContactFields;

namespace ContactSync.Handler.Tests.EndToEnd.Devices;

/// <summary>Business contacts (M7) on devices (M22): the group members reach an emulated phone (device API) and a
/// Radicale address book (CardDAV) through the API, the queue and the worker; a member who leaves disappears from both;
/// the user's own contacts are never touched; an edit on the device is undone (the section is an export).</summary>
public sealed class DeviceBusinessContactsTests(DeviceHostFixture f) : IClassFixture<DeviceHostFixture>
{
    private static Policy Business(string id) => new(id, new BusinessContactsSection(Interval.Off, null, BaseType.AllGroups, [], null), null);

    private static string Person(FieldMap c) =>
        $"{c[F.GivenName]} {c[F.Surname]} <{string.Join(",", c.List(F.Emails))}> {string.Join(",", c.List(F.MobilePhones))}".Trim();

    private static string Person(JsonObject c) =>
        $"{c["givenName"]} {c["surname"]} <{string.Join(",", (c["emails"] as JsonArray ?? []).Select(e => e!.GetValue<string>()))}> "
        + string.Join(",", (c["mobilePhones"] as JsonArray ?? []).Select(e => e!.GetValue<string>()));

    private static List<string> Sorted(IEnumerable<string> people) => [.. people.Order(StringComparer.Ordinal)];

    private List<string> Phone(string deviceId) => [.. f.Emulator.Device(deviceId).Contents().Select(c => Person(c.Fields).Trim()).Order(StringComparer.Ordinal)];

    private async Task<List<string>> BookAsync(string url) => [.. (await f.BookAsync(url)).Select(i => Person(i.Item)).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Members_reach_a_phone_and_an_address_book_a_leaver_goes_from_both_and_the_users_own_contacts_stay()
    {
        var t = await f.TenantAsync();
        await f.GroupAsync(t, "sales", ("Łukasz", "Wróbel", "lw@firma.example", "601-234-567"), ("Zoë", "Nowak", "zn@firma.example", null));
        await f.GroupAsync(t, "prague", ("Jiří", "Dvořák", "jd@firma.example", "+420 601 234 567"));
        await f.PolicyAsync(t, Business("business"));
        var phone = await f.ApiDeviceAsync(t, "anna", "business");
        var book = await f.CardDavAsync(t, "jan", "business");
        f.Emulator.UserEdit(phone, null, new JsonObject { ["givenName"] = "My", ["surname"] = "Dentist", ["mobilePhones"] = new JsonArray("+48 500 100 200") });

        await f.SyncAsync(t, "anna", PolicySections.BusinessContacts);
        await f.SyncAsync(t, "jan", PolicySections.BusinessContacts);

        string[] members = ["Jiří Dvořák <jd@firma.example> +420601234567", "Zoë Nowak <zn@firma.example>", "Łukasz Wróbel <lw@firma.example> +48601234567"];
        Assert.Equal(Sorted(["My Dentist <> +48 500 100 200", .. members]), Phone(phone));
        Assert.Equal(Sorted(members), await BookAsync(book));
        Assert.All((await f.BookAsync(book)).Where(i => i.Item[F.Surname] == "Dvořák"), i => Assert.Equal("Jiří Dvořák", i.Item[F.DisplayName]));
        await f.PutCardAsync(book, "own-card", "BEGIN:VCARD\nVERSION:3.0\nUID:own-card\nFN:Hairdresser\nN:Hairdresser;;;;\nTEL;TYPE=CELL:+48 600 000 001\nEND:VCARD\n");

        // Zoë leaves sales: her copies go from both; the dentist and the hairdresser stay.
        await f.GroupAsync(t, "sales", ("Łukasz", "Wróbel", "lw@firma.example", "601-234-567"));
        await f.SyncAsync(t, "anna", PolicySections.BusinessContacts);
        await f.SyncAsync(t, "jan", PolicySections.BusinessContacts);
        Assert.Equal(Sorted(["My Dentist <> +48 500 100 200", members[0], members[2]]), Phone(phone));
        Assert.Equal(Sorted(["Hairdresser <> +48 600 000 001", members[0], members[2]]), await BookAsync(book));
        Assert.Equal("+48 600 000 001", (await f.BookAsync(book)).Single(i => i.Id == "own-card.vcf").Item[F.MobilePhones]);
    }

    [Fact]
    public async Task An_edit_of_a_business_contact_on_the_phone_is_undone_by_the_next_sync()
    {
        var t = await f.TenantAsync();
        await f.GroupAsync(t, "sales", ("Greta", "Schäfer", "gs@firma.example", "+48 601 000 111"));
        await f.PolicyAsync(t, Business("business"));
        var phone = await f.ApiDeviceAsync(t, "ola", "business");
        await f.SyncAsync(t, "ola", PolicySections.BusinessContacts);
        var copy = Assert.Single(f.Emulator.Device(phone).Contents());
        var edited = (JsonObject)copy.Fields.DeepClone();
        edited["surname"] = "Scheffer";
        edited["mobilePhones"] = new JsonArray("+48 999 999 999");
        f.Emulator.UserEdit(phone, copy.Id, edited);

        await f.SyncAsync(t, "ola", PolicySections.BusinessContacts);
        var restored = Assert.Single(f.Emulator.Device(phone).Contents());
        Assert.Equal("Greta Schäfer <gs@firma.example> +48601000111", Person(restored.Fields));
        Assert.Equal(copy.Id, restored.Id);
        Assert.Equal(copy.Marker, restored.Marker);
    }
}
