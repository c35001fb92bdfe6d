using System.Net.Http.Json;
using System.Text.Json;
using ContactSync.Engine.Sync;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.SyncState;

namespace ContactSync.Handler.Tests.EndToEnd;

/// <summary>The mass-delete guard and the run lease, end to end.</summary>
public sealed class GuardsTests(SyncHostFixture f) : IClassFixture<SyncHostFixture>
{
    private static Policy TwoWay(string id) => new(id, null,
        new ContactsSection(Interval.Off, null, SyncDirection.TwoWay, false, [], null, ConflictPolicy.Manual, DeleteMode.Propagate, null));

    [Fact]
    public async Task A_run_deleting_more_than_the_allowed_share_is_stopped_and_the_hub_keeps_everything()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("p"));
        var upn = await f.MailboxTargetAsync(t, "ann", "p");
        var hub = f.Hub(t);
        for (var i = 0; i < 8; i++)
            await hub.PutAsync($"c{i}", SyncHostFixture.Contact(("givenName", "Name" + i), ("surname", "Nowak" + i), ("syncTags", "ann")));
        await f.SyncAsync(t, "ann");
        foreach (var c in f.Sandbox.Contacts(upn).Take(6)) f.Sandbox.OutlookDelete(upn, c["id"]!.GetValue<string>());

        var job = await f.SyncAsync(t, "ann");
        Assert.StartsWith("stopped", job.GetProperty("result").GetString());
        Assert.Equal(8, (await hub.ListChangesAsync(null)).Changed.Count);
        var status = (await f.GetAsync($"api/tenants/{t}/targets/ann/status")).GetProperty("sections").GetProperty("contacts");
        Assert.Equal("stopped", status.GetProperty("lastResult").GetString());
    }

    [Fact]
    public async Task A_job_for_a_target_section_that_is_running_waits_and_then_runs()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("p"));
        var upn = await f.MailboxTargetAsync(t, "ann", "p");
        await f.Hub(t).PutAsync("c", SyncHostFixture.Contact(("surname", "Kaminski"), ("syncTags", "ann")));
        var state = new SyncStateStore(f.Tables);
        var key = new SyncKey(t, "ann", PolicySections.Contacts);
        Assert.True((await state.TryAcquireAsync(key, "another-job")).Acquired);

        using var response = await f.Http.PostAsync($"api/tenants/{t}/targets/ann/sync?section=contacts", null);
        var location = response.Headers.Location!.ToString().TrimStart('/');
        await TestEnvironment.EventuallyAsync(async () =>
        {
            var job = await f.Http.GetFromJsonAsync<JsonElement>(location);
            return job.GetProperty("result").GetString() is { } r && r.StartsWith("waiting", StringComparison.Ordinal) ? "" : null;
        }, TimeSpan.FromSeconds(30), "the job waiting for the lease");
        Assert.Empty(f.Sandbox.Contacts(upn));

        Assert.True(await state.ReleaseAsync(key, "another-job"));
        await TestEnvironment.EventuallyAsync(async () =>
            (await f.Http.GetFromJsonAsync<JsonElement>(location)).GetProperty("state").GetString() == "succeeded" ? "" : null,
            TimeSpan.FromSeconds(30), "the job running after the lease is released");
        Assert.Single(f.Sandbox.Contacts(upn));
    }
}
