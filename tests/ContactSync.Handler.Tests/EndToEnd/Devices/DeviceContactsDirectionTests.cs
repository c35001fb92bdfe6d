using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactSync.DeviceEmulator.State;
using ContactSync.Engine.Sync;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;

namespace ContactSync.Handler.Tests.EndToEnd.Devices;

/// <summary>Two-way contacts on a device (M9, M22): an edit on the phone reaches the hub when the device allows two-way
/// sync; a device whose capabilities say twoWay false gets the contacts as an export, its edit stays on the phone, and
/// the run record says why; a device's limits leave extras out with warnings, and the hub keeps them.</summary>
public sealed class DeviceContactsDirectionTests(DeviceHostFixture f) : IClassFixture<DeviceHostFixture>
{
    private static Policy TwoWay(string id) => new(id, null,
        new ContactsSection(Interval.Off, null, SyncDirection.TwoWay, false, [], null, ConflictPolicy.Manual, DeleteMode.Propagate, null));

    private async Task SeedAsync(string tenantId, string targetId)
    {
        await f.Hub(tenantId).PutAsync("c1", DeviceHostFixture.Contact(("givenName", "Łukasz"), ("surname", "Wróbel"),
            ("emails", "lw@firma.example\nlukasz@home.example\nold@firma.example"), ("mobilePhones", "+48601234567"),
            ("businessPhones", "+48221000001\n+48221000002"), ("syncTags", targetId)));
        await f.Hub(tenantId).PutAsync("c2", DeviceHostFixture.Contact(("givenName", "Other"), ("surname", "Person"), ("syncTags", "someone-else")));
    }

    private async Task<JsonElement> HubContactAsync(string tenantId, string id) => await f.GetAsync($"api/tenants/{tenantId}/contacts/{id}");

    private static string[] Strings(JsonNode? array) => [.. (array as JsonArray ?? []).Select(e => e!.GetValue<string>())];

    [Fact]
    public async Task A_phone_edit_reaches_the_hub_and_what_the_phone_could_not_hold_stays_in_the_hub()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("two-way"));
        var phone = await f.ApiDeviceAsync(t, "anna", "two-way", new Capabilities(MaxEmails: 2, MaxPhones: 2));
        await SeedAsync(t, "anna");

        var job = await f.SyncAsync(t, "anna", PolicySections.Contacts);
        var copy = Assert.Single(f.Emulator.Device(phone).Contents()); // only the contact tagged for this target
        Assert.Equal(["lw@firma.example", "lukasz@home.example"], Strings(copy.Fields["emails"]));
        Assert.Equal(["+48601234567"], Strings(copy.Fields["mobilePhones"]));
        Assert.Equal(["+48221000001"], Strings(copy.Fields["businessPhones"]));
        var run = (await f.GetAsync($"api/tenants/{t}/targets/anna/runs"))[0];
        var warnings = run.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("message").GetString()).ToList();
        Assert.Contains("emails: 3rd address old@firma.example not sent: the device holds at most 2 e-mail addresses", warnings);
        Assert.Contains("businessPhones: 2nd number +48221000002 not sent: the device holds at most 2 phone numbers", warnings);

        var edited = (JsonObject)copy.Fields.DeepClone();
        edited["jobTitle"] = "Kierownik sprzedaży";
        edited["mobilePhones"] = new JsonArray("602 000 002"); // typed on the phone, national format
        f.Emulator.UserEdit(phone, copy.Id, edited);
        await f.SyncAsync(t, "anna", PolicySections.Contacts);

        var hub = await HubContactAsync(t, "c1");
        Assert.Equal("Kierownik sprzedaży", hub.GetProperty("jobTitle").GetString());
        Assert.Equal(["+48602000002"], hub.GetProperty("mobilePhones").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["lw@firma.example", "lukasz@home.example", "old@firma.example"], hub.GetProperty("emails").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["+48221000001", "+48221000002"], hub.GetProperty("businessPhones").EnumerateArray().Select(p => p.GetString()));
        Assert.False((await HubContactAsync(t, "c2")).TryGetProperty("jobTitle", out _));
    }

    [Fact]
    public async Task A_device_without_two_way_gets_an_export_its_edit_stays_on_the_phone_and_the_run_says_why()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("two-way"));
        var phone = await f.ApiDeviceAsync(t, "kiosk", "two-way", new Capabilities(TwoWay: false));
        await SeedAsync(t, "kiosk");
        await f.SyncAsync(t, "kiosk", PolicySections.Contacts);
        var copy = Assert.Single(f.Emulator.Device(phone).Contents());
        Assert.Equal(["lw@firma.example", "lukasz@home.example", "old@firma.example"], Strings(copy.Fields["emails"]));

        var edited = (JsonObject)copy.Fields.DeepClone();
        edited["jobTitle"] = "Edited on the kiosk";
        f.Emulator.UserEdit(phone, copy.Id, edited);
        f.Emulator.UserEdit(phone, null, new JsonObject { ["givenName"] = "Kiosk", ["surname"] = "Only" });
        await f.SyncAsync(t, "kiosk", PolicySections.Contacts);

        var hub = await HubContactAsync(t, "c1");
        Assert.False(hub.TryGetProperty("jobTitle", out _), hub.ToString());
        var all = await f.GetAsync($"api/tenants/{t}/contacts");
        Assert.DoesNotContain("Kiosk", all.ToString(), StringComparison.Ordinal);
        var run = (await f.GetAsync($"api/tenants/{t}/targets/kiosk/runs"))[0];
        Assert.StartsWith("contacts ran as an export instead of twoWay: the device does not allow two-way sync",
            run.GetProperty("warnings")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_book_edit_reaches_the_hub_and_the_composed_display_name_does_not()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("two-way"));
        var book = await f.CardDavAsync(t, "jan", "two-way");
        await SeedAsync(t, "jan");
        await f.SyncAsync(t, "jan", PolicySections.Contacts);
        var card = Assert.Single(await f.BookAsync(book));
        Assert.Equal("Łukasz Wróbel", card.Item["displayName"]); // FN is required: composed from the names
        Assert.Equal(["lw@firma.example", "lukasz@home.example", "old@firma.example"], card.Item.List("emails"));

        await f.EditCardAsync(book, card, card.Item.With("jobTitle", "Handlowiec").With("businessAddress.city", "Kraków"));
        await f.SyncAsync(t, "jan", PolicySections.Contacts);

        var hub = await HubContactAsync(t, "c1");
        Assert.Equal("Handlowiec", hub.GetProperty("jobTitle").GetString());
        Assert.Equal("Kraków", hub.GetProperty("businessAddress.city").GetString());
        Assert.False(hub.TryGetProperty("displayName", out _), hub.ToString());
    }

    [Fact]
    public async Task A_conflict_between_the_phone_and_the_hub_is_listed_and_resolved_through_the_API()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("manual"));
        var phone = await f.ApiDeviceAsync(t, "ola", "manual");
        await SeedAsync(t, "ola");
        await f.SyncAsync(t, "ola", PolicySections.Contacts);
        var copy = Assert.Single(f.Emulator.Device(phone).Contents());

        var edited = (JsonObject)copy.Fields.DeepClone();
        edited["jobTitle"] = "Typed on the phone";
        f.Emulator.UserEdit(phone, copy.Id, edited);
        var c1 = (await f.Hub(t).GetManyAsync(["c1"])).Single();
        await f.Hub(t).PutAsync("c1", c1.Item.With("jobTitle", "Set in the hub"), c1.Version);
        await f.SyncAsync(t, "ola", PolicySections.Contacts);

        var conflict = Assert.Single((await f.GetAsync($"api/tenants/{t}/targets/ola/conflicts")).EnumerateArray());
        var field = Assert.Single(conflict.GetProperty("fields").EnumerateArray());
        Assert.Equal(("jobTitle", "Set in the hub", "Typed on the phone"),
            (field.GetProperty("field").GetString(), field.GetProperty("hub").GetString(), field.GetProperty("remote").GetString()));

        // Resolving opens the device as its sync does (the device API, its token and limits) and writes both sides.
        using var resolve = await f.Http.PostAsJsonAsync($"api/tenants/{t}/targets/ola/conflicts/c1/resolve",
            new { fields = new { jobTitle = new { value = "Kierownik" } } });
        Assert.Equal(System.Net.HttpStatusCode.OK, resolve.StatusCode);
        Assert.Equal("Kierownik", (await HubContactAsync(t, "c1")).GetProperty("jobTitle").GetString());
        Assert.Equal("Kierownik", Assert.Single(f.Emulator.Device(phone).Contents()).Fields["jobTitle"]!.GetValue<string>());
        Assert.Equal(0, (await f.GetAsync($"api/tenants/{t}/targets/ola/conflicts")).GetArrayLength());
    }
}
