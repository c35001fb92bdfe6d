using System.Net;
using System.Net.Http.Json;
using ContactSync.Hub;
using ContactSync.Hub.Policies;
using ContactSync.Hub.SyncState;
using ContactSync.Storage;

namespace ContactSync.Handler.Tests.Api;

/// <summary>Policies and targets over HTTP: validation per field, nothing written on a 4xx, unknown ids 404, a policy
/// in use cannot be deleted, a saved target is scheduled in the due index.</summary>
[Collection(ApiCollection.Name)]
public class PoliciesAndTargetsApiTests(ApiHostFixture fx)
{
    private static object Policy(string interval = "PT10M") => new
    {
        businessContacts = new { interval = "daily", timeOfDay = "06:30", baseType = "ownGroups" },
        contacts = new { interval, direction = "twoWay", conflictPolicy = "hubWins" },
    };

    [Fact]
    public async Task A_bad_policy_is_400_per_field_and_nothing_is_stored()
    {
        var (t, key) = await fx.NewTenantAsync();
        using var http = fx.Client(key);
        using var bad = await http.PutAsJsonAsync($"api/tenants/{t}/policies/p1", new
        {
            contacts = new { interval = "PT1M", direction = "sideways", colour = "red" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await ApiHostFixture.JsonAsync(bad)).GetProperty("errors");
        foreach (var field in new[] { "contacts.interval", "contacts.direction", "contacts.colour" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
        Assert.Null(await fx.Tables.GetAsync(HubTables.Policies, t, "p1"));

        using var badId = await http.PutAsJsonAsync($"api/tenants/{t}/policies/bad%21id", Policy());
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        using var unknown = await http.GetAsync($"api/tenants/{t}/policies/nope");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var unknownDelete = await http.DeleteAsync($"api/tenants/{t}/policies/nope");
        Assert.Equal(HttpStatusCode.NotFound, unknownDelete.StatusCode);
    }

    [Fact]
    public async Task A_policy_round_trips_a_target_uses_it_gets_scheduled_and_blocks_its_deletion()
    {
        var (t, key) = await fx.NewTenantAsync();
        using var http = fx.Client(key);
        using var created = await http.PutAsJsonAsync($"api/tenants/{t}/policies/std", Policy());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var policy = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"api/tenants/{t}/policies/std");
        Assert.Equal("hubWins", policy.GetProperty("contacts").GetProperty("conflictPolicy").GetString());
        Assert.Equal("06:30", policy.GetProperty("businessContacts").GetProperty("timeOfDay").GetString());

        using var noEmail = await http.PutAsJsonAsync($"api/tenants/{t}/targets/anna", new { policyId = "std" });
        Assert.Equal(HttpStatusCode.BadRequest, noEmail.StatusCode);
        var message = (await ApiHostFixture.JsonAsync(noEmail)).GetProperty("errors").GetProperty("ownerEmail")[0].GetString();
        Assert.Contains("e-mail", message);
        using var unknownPolicy = await http.PutAsJsonAsync($"api/tenants/{t}/targets/anna", new { ownerEmail = "anna@contoso.com", policyId = "gone", groupIds = new[] { "nogroup" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownPolicy.StatusCode);
        var errors = (await ApiHostFixture.JsonAsync(unknownPolicy)).GetProperty("errors");
        Assert.Contains("'gone'", errors.GetProperty("policyId")[0].GetString());
        Assert.Contains("'nogroup'", errors.GetProperty("groupIds[0]")[0].GetString());
        Assert.Null(await fx.Tables.GetAsync(HubTables.Targets, t, "anna"));

        using var target = await http.PutAsJsonAsync($"api/tenants/{t}/targets/anna", new { ownerEmail = "Anna@Contoso.com", policyId = "std" });
        Assert.Equal(HttpStatusCode.Created, target.StatusCode);
        Assert.Equal("Anna@contoso.com", (await fx.Tables.GetAsync(HubTables.Targets, t, "anna"))!.GetString("ownerEmail")); // domain normalised
        Assert.Equal(2, await DueRowsAsync(t, "anna"));

        using var inUse = await http.DeleteAsync($"api/tenants/{t}/policies/std");
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.NotNull(await fx.Tables.GetAsync(HubTables.Policies, t, "std"));

        // Changing the policy reschedules its targets: without a contacts section that section leaves the due index.
        using var changed = await http.PutAsJsonAsync($"api/tenants/{t}/policies/std", new { businessContacts = new { interval = "PT30M" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(1, await DueRowsAsync(t, "anna"));

        using var deleted = await http.DeleteAsync($"api/tenants/{t}/targets/anna");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await fx.Tables.GetAsync(HubTables.Targets, t, "anna"));
        using var gone = await http.GetAsync($"api/tenants/{t}/targets/anna");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var free = await http.DeleteAsync($"api/tenants/{t}/policies/std");
        Assert.Equal(HttpStatusCode.NoContent, free.StatusCode);
        Assert.Null(await fx.Tables.GetAsync(HubTables.Policies, t, "std"));
    }

    private async Task<int> DueRowsAsync(string tenant, string target)
    {
        var filter = TableFilter.And(TableFilter.Ge("RowKey", $"{tenant}|{target}|"), TableFilter.Lt("RowKey", $"{tenant}|{target}}}"));
        var count = 0;
        await foreach (var _ in fx.Tables.QueryAsync(HubTables.Due, new TableQuery(filter))) count++;
        return count;
    }

    [Fact]
    public async Task A_new_tenant_time_zone_moves_the_targets_coming_runs_and_backup_to_the_same_local_times()
    {
        var (t, key) = await fx.NewTenantAsync();
        using var http = fx.Client(key);
        using var policy = await http.PutAsJsonAsync($"api/tenants/{t}/policies/std", new
        {
            businessContacts = new { interval = "daily", timeOfDay = "06:30", baseType = "ownGroups" },
            backup = new { interval = "daily", timeOfDay = "03:00", keepLast = 3 },
        });
        Assert.Equal(HttpStatusCode.Created, policy.StatusCode);
        using var target = await http.PutAsJsonAsync($"api/tenants/{t}/targets/anna", new { ownerEmail = "anna@contoso.com", policyId = "std" });
        Assert.Equal(HttpStatusCode.Created, target.StatusCode);
        var states = new SyncStateStore(fx.Tables);
        async Task<(TimeOnly Business, TimeOnly Backup)> LocalDueAsync(string zone)
        {
            var z = TimeZoneInfo.FindSystemTimeZoneById(zone);
            TimeOnly Local(SyncStatus? s) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(s!.NextDue!.Value, z).DateTime);
            return (Local(await states.GetAsync(new SyncKey(t, "anna", PolicySections.BusinessContacts))),
                Local(await states.GetAsync(new SyncKey(t, "anna", "backup"))));
        }
        Assert.Equal((new TimeOnly(6, 30), new TimeOnly(3, 0)), await LocalDueAsync("Europe/Warsaw"));

        using var admin = fx.Client(ApiHostFixture.AdminKey);
        using var moved = await admin.PutAsJsonAsync($"api/tenants/{t}", ApiHostFixture.TenantBody(timeZone: "America/New_York"));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        // Warsaw is 5 or 6 hours ahead of New York: the same local times are other instants now.
        Assert.Equal((new TimeOnly(6, 30), new TimeOnly(3, 0)), await LocalDueAsync("America/New_York"));
    }
}
