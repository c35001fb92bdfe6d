using System.Text.Json.Nodes;
using ContactSync.Engine.Sync;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;

namespace ContactSync.Handler.Tests.EndToEnd;

/// <summary>Scope, merging, first-sync linking and Exchange limits of the two-way contacts sync.</summary>
public sealed class ContactsScopeTests(SyncHostFixture f) : IClassFixture<SyncHostFixture>
{
    private static Policy TwoWay(string id, IReadOnlyList<string>? categories = null, string? branch = null) => new(id, null,
        new ContactsSection(Interval.Off, null, SyncDirection.TwoWay, false, categories ?? [], branch, ConflictPolicy.Manual, DeleteMode.Propagate, null));

    private static SortedSet<string> Surnames(IEnumerable<JsonObject> contacts) =>
        new(contacts.Select(c => c["surname"]?.GetValue<string>() ?? ""), StringComparer.Ordinal);

    [Fact]
    public async Task Disjoint_edits_on_both_sides_are_merged_without_a_conflict()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("p"));
        var upn = await f.MailboxTargetAsync(t, "ann", "p");
        var hub = f.Hub(t);
        await hub.PutAsync("m", SyncHostFixture.Contact(("givenName", "Petra"), ("surname", "Svobodová"), ("syncTags", "ann")));
        await f.SyncAsync(t, "ann");
        var m = (await hub.GetManyAsync(["m"])).Single();
        await hub.PutAsync("m", m.Item.With("jobTitle", "Architect"), m.Version);
        f.Sandbox.OutlookUpdate(upn, f.Sandbox.Contacts(upn).Single()["id"]!.GetValue<string>(), new JsonObject { ["department"] = "R&D" });
        await f.SyncAsync(t, "ann");

        var merged = (await hub.GetManyAsync(["m"])).Single().Item;
        Assert.Equal(("Architect", "R&D"), (merged["jobTitle"], merged["department"]));
        var remote = f.Sandbox.Contacts(upn).Single();
        Assert.Equal(("Architect", "R&D"), (remote["jobTitle"]!.GetValue<string>(), remote["department"]!.GetValue<string>()));
        Assert.Equal(0, (await f.GetAsync($"api/tenants/{t}/targets/ann/conflicts")).GetArrayLength());
    }

    [Fact]
    public async Task Removing_a_sync_tag_removes_the_copy_from_that_mailbox_only()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("p"));
        var a = await f.MailboxTargetAsync(t, "a", "p");
        var b = await f.MailboxTargetAsync(t, "b", "p");
        var hub = f.Hub(t);
        await hub.PutAsync("both", SyncHostFixture.Contact(("givenName", "Jonas"), ("surname", "Petrauskas"), ("syncTags", "a\nb")));
        await hub.PutAsync("onlyB", SyncHostFixture.Contact(("givenName", "Karl"), ("surname", "Weber"), ("syncTags", "b")));
        await f.SyncAsync(t, "a");
        await f.SyncAsync(t, "b");
        Assert.Equal(["Petrauskas", "Weber"], Surnames(f.Sandbox.Contacts(b)));

        var both = (await hub.GetManyAsync(["both"])).Single();
        await hub.PutAsync("both", both.Item.WithList("syncTags", ["a"]), both.Version);
        await f.SyncAsync(t, "a");
        await f.SyncAsync(t, "b");
        Assert.Equal(["Weber"], Surnames(f.Sandbox.Contacts(b)));
        Assert.Equal(["Petrauskas"], Surnames(f.Sandbox.Contacts(a)));
        Assert.Single(await hub.GetManyAsync(["both"])); // still in the hub
    }

    [Fact]
    public async Task Category_and_classification_branch_filters_choose_the_contacts_a_target_gets()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("vip-pl", ["VIP"], "Customers/Poland"));
        var upn = await f.MailboxTargetAsync(t, "rep", "vip-pl");
        var hub = f.Hub(t);
        await hub.PutAsync("in", SyncHostFixture.Contact(("surname", "Kowalska"), ("categories", "VIP"), ("classification", "Customers/Poland/Warsaw"), ("syncTags", "rep")));
        await hub.PutAsync("cz", SyncHostFixture.Contact(("surname", "Černý"), ("categories", "VIP"), ("classification", "Customers/Czechia"), ("syncTags", "rep")));
        await hub.PutAsync("plain", SyncHostFixture.Contact(("surname", "Zieliński"), ("classification", "Customers/Poland"), ("syncTags", "rep")));
        await f.SyncAsync(t, "rep");
        Assert.Equal(["Kowalska"], Surnames(f.Sandbox.Contacts(upn)));
    }

    [Fact]
    public async Task The_first_sync_links_the_users_existing_copy_instead_of_duplicating_it()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("p"));
        var upn = await f.MailboxTargetAsync(t, "ann", "p");
        f.Sandbox.OutlookCreate(upn, new JsonObject
        {
            ["givenName"] = "Lukasz", ["surname"] = "WROBEL",
            ["emailAddresses"] = new JsonArray(new JsonObject { ["address"] = "Lukasz.Wrobel@Firma.example" }),
        });
        var hub = f.Hub(t);
        await hub.PutAsync("c1", SyncHostFixture.Contact(("givenName", "Łukasz"), ("surname", "Wróbel"), ("emails", "lukasz.wrobel@firma.example"), ("syncTags", "ann")));
        await f.SyncAsync(t, "ann");
        Assert.Single(f.Sandbox.Contacts(upn));
        Assert.Single((await hub.ListChangesAsync(null)).Changed);
        Assert.Single((await f.GetAsync($"api/tenants/{t}/targets/ann/contacts")).EnumerateArray());
    }

    [Fact]
    public async Task Exchange_limits_cut_the_copy_with_warnings_and_the_hub_keeps_everything()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("p"));
        var upn = await f.MailboxTargetAsync(t, "ann", "p");
        var hub = f.Hub(t);
        const string emails = "a@x.example\nb@x.example\nc@x.example\nd@x.example";
        await hub.PutAsync("big", SyncHostFixture.Contact(("surname", "Schmidt"), ("emails", emails), ("notes", "long history"), ("syncTags", "ann")));
        await f.SyncAsync(t, "ann");

        Assert.Equal(3, f.Sandbox.Contacts(upn).Single()["emailAddresses"]!.AsArray().Count);
        var run = (await f.GetAsync($"api/tenants/{t}/targets/ann/runs"))[0];
        Assert.NotEqual(0, run.GetProperty("warnings").GetArrayLength());
        var status = (await f.GetAsync($"api/tenants/{t}/targets/ann/status")).GetProperty("sections").GetProperty("contacts");
        Assert.Equal("contacts (twoWay)", status.GetProperty("syncType").GetString());
        Assert.Equal(run.GetProperty("warnings").GetArrayLength(), status.GetProperty("counts").GetProperty("Warnings").GetInt32());
        await f.SyncAsync(t, "ann"); // a second run must not write the cut copy back
        var kept = (await hub.GetManyAsync(["big"])).Single().Item;
        Assert.Equal(4, kept.List("emails").Count);
        Assert.Equal("long history", kept["notes"]);
    }
}
