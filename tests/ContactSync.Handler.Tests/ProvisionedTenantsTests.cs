using System.Collections.Concurrent;
using ContactSync.DevHost.Handler;
using ContactSync.Handler.Sync;
using ContactSync.Hub;
using ContactSync.Hub.Directory;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;

namespace ContactSync.Handler.Tests;

/// <summary>Tenants listed by the deployment (Tenants__{i}__* app settings, M27) are in the tenants table once the handler
/// has started; the row names the setting that holds the credential, never the credential.</summary>
public class ProvisionedTenantsTests
{
    private const string Secret = "s3cr3t-value-from-key-vault";

    [Fact]
    public async Task A_provisioned_tenant_is_saved_at_start_with_a_reference_to_its_secret()
    {
        var id = TestEnvironment.UniqueName("prov");
        var settings = Settings(id, timeZone: "Europe/Vilnius");
        var log = new ConcurrentQueue<string>();
        await using var handler = await HandlerProcess.StartAsync(TestEnvironment.DevHost(settings, log.Enqueue).Handler!, settings,
            log.Enqueue, TimeSpan.FromSeconds(60), CancellationToken.None);

        var tables = TestEnvironment.Storage.CreateTableStore();
        var row = await TestEnvironment.EventuallyAsync(() => tables.GetAsync(HubTables.Tenants, "tenant", id),
            TimeSpan.FromSeconds(30), "the provisioned tenant's row");
        Assert.Equal("Vilniaus įmonė", row.GetString("displayName"));
        Assert.Equal("Tenants:0:ClientSecret", row.GetString("secretReference"));
        Assert.DoesNotContain(row.Properties.Values, v => v is string s && s.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => l.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deployment_that_moves_a_tenants_time_zone_moves_its_targets_coming_runs()
    {
        var id = TestEnvironment.UniqueName("prov");
        var tables = TestEnvironment.Storage.CreateTableStore();
        var log = new ConcurrentQueue<string>();
        var vilnius = Settings(id, timeZone: "Europe/Vilnius");
        await using (await HandlerProcess.StartAsync(TestEnvironment.DevHost(vilnius, log.Enqueue).Handler!, vilnius, log.Enqueue,
            TimeSpan.FromSeconds(60), CancellationToken.None))
        {
            var tenant = await TestEnvironment.EventuallyAsync(() => new TenantStore(tables).GetAsync(id), TimeSpan.FromSeconds(30), "the provisioned tenant");
            var groups = new GroupStore(tables);
            var policies = new PolicyStore(tables, groups);
            Assert.True((await policies.SaveAsync(id, new Policy("p", new BusinessContactsSection(Interval.Daily, new TimeOnly(6, 30),
                BaseType.AllGroups, [], null), null))).IsOk);
            var target = (await new TargetStore(tables, policies, groups).SaveAsync(id, new Target("ona", TargetKind.Mailbox, "ona@imone.example", null, "p", []))).Value!;
            await new TargetScheduling(new DueIndex(tables), new SyncStateStore(tables), TimeProvider.System)
                .ScheduleTargetAsync(tenant, target, await policies.GetAsync(id, "p"));
        }
        var key = new SyncKey(id, "ona", PolicySections.BusinessContacts);
        TimeOnly LocalDue(SyncStatus s, string zone) =>
            TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.NextDue!.Value, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
        Assert.Equal(new TimeOnly(6, 30), LocalDue((await new SyncStateStore(tables).GetAsync(key))!, "Europe/Vilnius"));

        // The next deployment lists the tenant in Lisbon: at start its target's business contacts are due at 06:30 there.
        var lisbon = Settings(id, timeZone: "Europe/Lisbon");
        await using var moved = await HandlerProcess.StartAsync(TestEnvironment.DevHost(lisbon, log.Enqueue).Handler!, lisbon, log.Enqueue,
            TimeSpan.FromSeconds(60), CancellationToken.None);
        await TestEnvironment.EventuallyAsync(async () => await new SyncStateStore(tables).GetAsync(key) is { } s
            && LocalDue(s, "Europe/Lisbon") == new TimeOnly(6, 30) ? s : null, TimeSpan.FromSeconds(30), "the run moved to 06:30 Lisbon time");
    }

    [Fact]
    public async Task An_invalid_provisioned_tenant_stops_the_start_naming_its_setting()
    {
        var settings = Settings(TestEnvironment.UniqueName("prov"), timeZone: "Mars/Olympus_Mons");
        var log = new ConcurrentQueue<string>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => HandlerProcess.StartAsync(
            TestEnvironment.DevHost(settings, log.Enqueue).Handler!, settings, log.Enqueue, TimeSpan.FromSeconds(60), CancellationToken.None));
        await TestEnvironment.EventuallyAsync(() => Task.FromResult(log.FirstOrDefault(l => l.Contains("cannot start") && l.Contains("Tenants__0"))),
            TimeSpan.FromSeconds(5), "a start-up error naming Tenants__0");
    }

    private static Dictionary<string, string> Settings(string id, string timeZone) => new()
    {
        ["AzureWebJobsStorage"] = TestEnvironment.StorageConnection, ["ContactSync__AdminKey"] = "k",
        ["Jobs__Table"] = TestEnvironment.UniqueName("pt"),
        ["Tenants__0__Id"] = id, ["Tenants__0__DisplayName"] = "Vilniaus įmonė",
        ["Tenants__0__EntraTenantId"] = "3f2504e0-4f89-41d3-9a0c-0305e82c3301", ["Tenants__0__ClientId"] = "9b2c1d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d",
        ["Tenants__0__ClientSecret"] = Secret, ["Tenants__0__DefaultRegion"] = "LT", ["Tenants__0__TimeZone"] = timeZone,
    };
}
