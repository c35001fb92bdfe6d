using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ContactSync.Engine.Items;
using ContactSync.Engine.Sync;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;

namespace ContactSync.Handler.Tests.EndToEnd;

/// <summary>Two-way contacts through the HTTP API, the queue, the worker and the sandbox mailbox.</summary>
public sealed class ContactsSyncTests(SyncHostFixture f) : IClassFixture<SyncHostFixture>
{
    private static Policy TwoWay(string id, ConflictPolicy conflicts = ConflictPolicy.Manual) => new(id, null,
        new ContactsSection(Interval.Off, null, SyncDirection.TwoWay, false, [], null, conflicts, DeleteMode.Propagate, null));

    [Fact]
    public async Task Sync_now_answers_202_and_the_job_creates_updates_and_deletes_in_both_directions()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("two-way"));
        var upn = await f.MailboxTargetAsync(t, "ann", "two-way");
        var hub = f.Hub(t);
        await hub.PutAsync("c1", SyncHostFixture.Contact(("givenName", "Łukasz"), ("surname", "Wróbel"),
            ("emails", "lukasz@firma.example"), ("syncTags", "ann")));
        await hub.PutAsync("c2", SyncHostFixture.Contact(("givenName", "Other"), ("surname", "Person"), ("syncTags", "bob")));

        var job = await f.SyncAsync(t, "ann");
        Assert.Equal("done", job.GetProperty("phase").GetString());
        var mailbox = f.Sandbox.Contacts(upn);
        var copy = Assert.Single(mailbox); // only the contact tagged for this target
        Assert.Equal("Wróbel", copy["surname"]!.GetValue<string>());

        // The user adds one in Outlook and edits the copy; the hub gets both, the new one tagged for this target.
        f.Sandbox.OutlookCreate(upn, new JsonObject { ["givenName"] = "Jiří", ["surname"] = "Dvořák" });
        f.Sandbox.OutlookUpdate(upn, copy["id"]!.GetValue<string>(), new JsonObject { ["jobTitle"] = "CTO" });
        await f.SyncAsync(t, "ann");
        Assert.Equal("CTO", (await hub.GetManyAsync(["c1"])).Single().Item["jobTitle"]);
        var all = (await hub.ListChangesAsync(null)).Changed.Select(v => v.Id).ToList();
        var imported = (await hub.GetManyAsync(all)).Single(i => i.Item["surname"] == "Dvořák");
        Assert.Contains("ann", imported.Item.List("syncTags"));

        // A hub edit and a hub delete reach the mailbox; a delete in Outlook reaches the hub. (A run that would remove every
        // linked item of a side is stopped by a safety rail, so the target gets one more contact first.)
        await hub.PutAsync("c3", SyncHostFixture.Contact(("givenName", "Greta"), ("surname", "Schäfer"), ("syncTags", "ann")));
        var c1 = (await hub.GetManyAsync(["c1"])).Single();
        await hub.PutAsync("c1", c1.Item.With("department", "Sales"), c1.Version);
        f.Sandbox.OutlookDelete(upn, f.Sandbox.Contacts(upn).Single(c => c["surname"]!.GetValue<string>() == "Dvořák")["id"]!.GetValue<string>());
        await f.SyncAsync(t, "ann");
        Assert.Equal("Sales", f.Sandbox.Contacts(upn).Single(c => c["surname"]!.GetValue<string>() == "Wróbel")["department"]!.GetValue<string>());
        Assert.Empty(await hub.GetManyAsync([imported.Id]));
        await hub.RemoveAsync("c1");
        await f.SyncAsync(t, "ann");
        Assert.Equal("Schäfer", Assert.Single(f.Sandbox.Contacts(upn))["surname"]!.GetValue<string>());

        var status = await f.GetAsync($"api/tenants/{t}/targets/ann/status");
        var contacts = status.GetProperty("sections").GetProperty("contacts");
        Assert.Equal("succeeded", contacts.GetProperty("lastResult").GetString());
        Assert.Equal(4, (await f.GetAsync($"api/tenants/{t}/targets/ann/runs")).GetArrayLength());
    }

    [Fact]
    public async Task A_manual_conflict_is_listed_per_field_and_resolved_through_the_API()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("manual"));
        var upn = await f.MailboxTargetAsync(t, "eva", "manual");
        var hub = f.Hub(t);
        await hub.PutAsync("k1", SyncHostFixture.Contact(("givenName", "Eva"), ("surname", "Novák"), ("jobTitle", "Buyer"), ("syncTags", "eva")));
        await f.SyncAsync(t, "eva");

        var remoteId = f.Sandbox.Contacts(upn).Single()["id"]!.GetValue<string>();
        f.Sandbox.OutlookUpdate(upn, remoteId, new JsonObject { ["jobTitle"] = "Head of purchasing", ["department"] = "Purchasing" });
        var k1 = (await hub.GetManyAsync(["k1"])).Single();
        await hub.PutAsync("k1", k1.Item.With("jobTitle", "Lead buyer").With("companyName", "Novák s.r.o."), k1.Version);
        await f.SyncAsync(t, "eva");

        var conflicts = await f.GetAsync($"api/tenants/{t}/targets/eva/conflicts");
        var conflict = Assert.Single(conflicts.EnumerateArray());
        Assert.Equal("k1", conflict.GetProperty("conflictId").GetString());
        var field = Assert.Single(conflict.GetProperty("fields").EnumerateArray());
        Assert.Equal(("jobTitle", "Buyer", "Lead buyer", "Head of purchasing"), (field.GetProperty("field").GetString(),
            field.GetProperty("base").GetString(), field.GetProperty("hub").GetString(), field.GetProperty("remote").GetString()));

        using var resolve = await f.Http.PostAsJsonAsync($"api/tenants/{t}/targets/eva/conflicts/k1/resolve",
            new { fields = new { jobTitle = "remote" } });
        Assert.Equal(System.Net.HttpStatusCode.OK, resolve.StatusCode);
        var merged = (await hub.GetManyAsync(["k1"])).Single().Item;
        Assert.Equal(("Head of purchasing", "Purchasing", "Novák s.r.o."), (merged["jobTitle"], merged["department"], merged["companyName"]));
        var remote = f.Sandbox.Contacts(upn).Single();
        Assert.Equal("Head of purchasing", remote["jobTitle"]!.GetValue<string>());
        Assert.Equal("Novák s.r.o.", remote["companyName"]!.GetValue<string>());
        Assert.Equal(0, (await f.GetAsync($"api/tenants/{t}/targets/eva/conflicts")).GetArrayLength());
    }

    [Fact]
    public async Task Another_tenants_key_and_a_missing_key_are_refused()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("p"));
        await f.MailboxTargetAsync(t, "zoe", "p");
        using var anonymous = new HttpClient { BaseAddress = f.Host.BaseAddress };
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"api/tenants/{t}/targets/zoe/status")).StatusCode);
        var other = TestEnvironment.UniqueName("o");
        var otherKey = (await new ContactSync.Hub.Tenants.TenantStore(f.Tables).SaveAsync(new ContactSync.Hub.Tenants.Tenant(other, "Other",
            "DE", "Europe/Berlin", new ContactSync.Hub.Tenants.GraphSettings(Guid.NewGuid().ToString(), SyncHostFixture.AppId,
                ContactSync.Hub.Tenants.CredentialKind.ClientSecret, "UNUSED")))).Value!.ApiKey!;
        anonymous.DefaultRequestHeaders.Add("X-Api-Key", otherKey);
        var refused = (await anonymous.PostAsync($"api/tenants/{t}/targets/zoe/sync", null)).StatusCode;
        Assert.Contains(refused, new[] { System.Net.HttpStatusCode.Forbidden, System.Net.HttpStatusCode.NotFound });
    }
}
