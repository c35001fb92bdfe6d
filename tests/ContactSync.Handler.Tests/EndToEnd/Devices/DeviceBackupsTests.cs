using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactSync.Devices.Api;
using ContactSync.Engine.Items;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.SyncState;

namespace ContactSync.Handler.Tests.EndToEnd.Devices;

/// <summary>Backups of device targets (M23) through the HTTP API: taken on demand, the device loses every contact, an
/// exact restore brings back exactly the snapshot; a diff between two snapshots lists added, changed and removed; the
/// same on a Radicale address book.</summary>
public sealed class DeviceBackupsTests(DeviceHostFixture f) : IClassFixture<DeviceHostFixture>
{
    private static Policy Business(string id) => new(id, new BusinessContactsSection(Interval.Off, null, BaseType.AllGroups, [], null), null);

    private async Task<string> TakeAsync(string path)
    {
        using var taken = await f.Http.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        return (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("snapshotId").GetString()!;
    }

    private async Task RestoreExactAsync(string path, string backupId)
    {
        using var restore = await f.Http.PostAsJsonAsync($"{path}/{backupId}/restore", new { mode = "exact" });
        var job = await TestEnvironment.FinishedJobAsync(f.Http, restore);
        Assert.Matches("^succeeded: .*; errors=0; removed=[0-9]+$", job.GetProperty("result").GetString());
    }

    // Contents without the ids and versions the device assigns: every field, in a fixed order.
    private List<string> Phone(string deviceId) =>
        [.. f.Emulator.Device(deviceId).Contents().Select(c => Text(DeviceContactJson.FromJson(c.Fields))).Order(StringComparer.Ordinal)];

    private async Task<List<string>> BookAsync(string url) => [.. (await f.BookAsync(url)).Select(i => Text(i.Item)).Order(StringComparer.Ordinal)];

    private static string Text(FieldMap item) => string.Join("|", item.Values.Select(kv => $"{kv.Key}={kv.Value}"));

    // The markers, none included: a restored hub copy must carry its marker again (or the next sync would duplicate it),
    // a user's own contact must come back unmarked (or the next sync would delete it as the copy of a gone hub item).
    private static List<string> Markers(IEnumerable<string?> markers) => [.. markers.Select(m => m ?? "(none)").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_phone_that_lost_its_contacts_gets_exactly_the_snapshot_back_and_a_diff_lists_added_changed_removed()
    {
        var t = await f.TenantAsync();
        await f.GroupAsync(t, "sales", ("Zoë", "Łukasiewicz", "zl@firma.example", "+48 601 000 001"), ("Jürgen", "Müller", "jm@firma.example", null),
            ("Eva", "Novák", "en@firma.example", "+420 601 000 003"));
        await f.PolicyAsync(t, Business("business"));
        var phone = await f.ApiDeviceAsync(t, "anna", "business");
        await f.SyncAsync(t, "anna", PolicySections.BusinessContacts);
        f.Emulator.UserEdit(phone, null, new JsonObject { ["givenName"] = "My", ["surname"] = "Dentist", ["mobilePhones"] = new JsonArray("+48500100200") });
        var path = $"api/tenants/{t}/targets/anna/backups";
        var before = Phone(phone);
        Assert.Equal(4, before.Count);
        var markers = Markers(f.Emulator.Device(phone).Contents().Select(c => c.Marker));

        var first = await TakeAsync(path);
        var contents = f.Emulator.Device(phone).Contents();
        var muller = contents.Single(c => c.Fields["surname"]!.GetValue<string>() == "Müller");
        var changed = (JsonObject)muller.Fields.DeepClone();
        changed["jobTitle"] = "CFO";
        f.Emulator.UserEdit(phone, muller.Id, changed);
        f.Emulator.Device(phone).UserDelete(contents.Single(c => c.Fields["surname"]!.GetValue<string>() == "Dentist").Id);
        f.Emulator.UserEdit(phone, null, new JsonObject { ["givenName"] = "New", ["surname"] = "Friend" });
        var second = await TakeAsync(path);

        var diff = await f.GetAsync($"{path}/{first}/diff/{second}");
        Assert.Equal(["Friend"], diff.GetProperty("added").EnumerateArray().Select(a => a.GetProperty("fields").GetProperty("surname").GetString()));
        Assert.Equal(["Dentist"], diff.GetProperty("removed").EnumerateArray().Select(a => a.GetProperty("fields").GetProperty("surname").GetString()));
        var change = Assert.Single(diff.GetProperty("changed").EnumerateArray());
        Assert.Contains("jobTitle", change.GetProperty("fields").ToString(), StringComparison.Ordinal);

        f.Emulator.Device(phone).Wipe();
        Assert.Empty(f.Emulator.Device(phone).Contents());
        await RestoreExactAsync(path, first);
        Assert.Equal(before, Phone(phone));
        Assert.Equal(markers, Markers(f.Emulator.Device(phone).Contents().Select(c => c.Marker)));

        // The next business-contacts sync finds nothing to do: the copies link, the dentist is the user's again.
        await f.SyncAsync(t, "anna", PolicySections.BusinessContacts);
        Assert.Equal(before, Phone(phone));
    }

    [Fact]
    public async Task An_address_book_that_lost_its_cards_gets_exactly_the_snapshot_back()
    {
        var t = await f.TenantAsync();
        await f.GroupAsync(t, "sales", ("Zoë", "Łukasiewicz", "zl@firma.example", "+48 601 000 001"), ("Jürgen", "Müller", "jm@firma.example", null));
        await f.PolicyAsync(t, Business("business"));
        var book = await f.CardDavAsync(t, "jan", "business");
        await f.SyncAsync(t, "jan", PolicySections.BusinessContacts);
        await f.PutCardAsync(book, "own-card", "BEGIN:VCARD\nVERSION:3.0\nUID:own-card\nFN:Hairdresser\nN:Hairdresser;;;;\nTEL;TYPE=CELL:+48 600 000 001\nEND:VCARD\n");
        var before = await BookAsync(book);
        Assert.Equal(3, before.Count);
        var path = $"api/tenants/{t}/targets/jan/backups";
        var first = await TakeAsync(path);

        var markers = Markers((await f.BookAsync(book)).Select(i => i.Marker));
        await f.WipeBookAsync(book);
        Assert.Empty(await f.BookAsync(book));

        await RestoreExactAsync(path, first);
        Assert.Equal(before, await BookAsync(book));
        Assert.Equal(markers, Markers((await f.BookAsync(book)).Select(i => i.Marker)));
        Assert.Contains("Łukasiewicz", string.Join(" ", before), StringComparison.Ordinal);

        await f.SyncAsync(t, "jan", PolicySections.BusinessContacts);
        Assert.Equal(before, await BookAsync(book));
    }

    [Fact]
    public async Task A_restore_waits_while_a_sync_of_the_target_runs_and_then_writes_the_snapshot()
    {
        var t = await f.TenantAsync();
        await f.GroupAsync(t, "sales", ("Zoë", "Łukasiewicz", "zl@firma.example", "+48 601 000 001"));
        await f.PolicyAsync(t, Business("business"));
        var phone = await f.ApiDeviceAsync(t, "ewa", "business");
        await f.SyncAsync(t, "ewa", PolicySections.BusinessContacts);
        var before = Phone(phone);
        var path = $"api/tenants/{t}/targets/ewa/backups";
        var backup = await TakeAsync(path);
        f.Emulator.Device(phone).Wipe();

        // A sync holds the section's lease: the restore job waits its turn (re-queued) and writes nothing meanwhile.
        var states = new SyncStateStore(f.Tables);
        var key = new SyncKey(t, "ewa", PolicySections.BusinessContacts);
        Assert.True((await states.TryAcquireAsync(key, "a-running-sync")).Acquired);
        using var restore = await f.Http.PostAsJsonAsync($"{path}/{backup}/restore", new { mode = "exact" });
        Assert.Equal(HttpStatusCode.Accepted, restore.StatusCode);
        var location = restore.Headers.Location!.ToString().TrimStart('/');
        await TestEnvironment.EventuallyAsync(async () => (await f.GetAsync(location)).GetProperty("result").GetString() is
            "waiting: job a-running-sync is syncing ewa/businessContacts" ? "waiting" : null, TimeSpan.FromSeconds(30), "the restore waiting");
        Assert.Empty(f.Emulator.Device(phone).Contents());

        Assert.True(await states.ReleaseAsync(key, "a-running-sync"));
        await TestEnvironment.FinishedJobAsync(f.Http, restore);
        Assert.Equal(before, Phone(phone));
    }
}
