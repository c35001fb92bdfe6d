using ContactSync.Engine.Sync;
using ContactSync.Hub.SyncState;

namespace ContactSync.Hub.Tests.SyncState;

public class RunStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task Runs_read_newest_first_with_the_remotes_messages(bool azurite)
    {
        var runs = new RunStore(await TestTables.CreateAsync(azurite));
        var tenant = TestTables.NewTenant();
        var report = new RunReport();
        report.Counts[ActionKind.CreateRemote] = 3;
        report.Errors.Add(new ItemError(ActionKind.UpdateRemote, "h1", "r1", "The remote refused the item",
            "ErrorInvalidProperty: The phone number is longer than 256 characters."));
        report.Warnings.Add(new ItemWarning("h2", null, "3 business phones; Exchange keeps 2"));
        await runs.AddAsync(tenant, "anna", RunRecord.From("run-b", "contacts", T0.AddMinutes(10), T0.AddMinutes(11), report));
        await runs.AddAsync(tenant, "anna", RunRecord.Fail("run-a", "contacts", T0, T0.AddSeconds(2), "The target has no e-mail address."));
        var stopped = new RunReport { StoppedBy = new RailTrip(SafetyRail.MassDelete, "remote", "would delete 80 of 100") };
        await runs.AddAsync(tenant, "anna", RunRecord.From("run-c", "businessContacts", T0.AddMinutes(20), T0.AddMinutes(20), stopped));
        await runs.AddAsync(tenant, "other", RunRecord.Fail("run-x", "contacts", T0.AddHours(1), T0.AddHours(1), "x"));

        var list = await runs.ListAsync(tenant, "anna");
        Assert.Equal(["run-c", "run-b", "run-a"], list.Select(r => r.RunId));
        Assert.Equal((RunRecord.Stopped, SafetyRail.MassDelete), (list[0].Result, list[0].StoppedBy!.Rail));
        var b = list[1];
        Assert.Equal((RunRecord.CompletedWithErrors, 3), (b.Result, b.Counts["CreateRemote"]));
        Assert.Equal("ErrorInvalidProperty: The phone number is longer than 256 characters.", Assert.Single(b.Errors).RemoteMessage);
        Assert.Equal(ActionKind.UpdateRemote, b.Errors[0].Kind);
        Assert.Equal("3 business phones; Exchange keeps 2", Assert.Single(b.Warnings).Message);
        Assert.Equal((RunRecord.Failed, "The target has no e-mail address."), (list[2].Result, list[2].Failure));
        Assert.Equal(["run-b", "run-a"], (await runs.ListAsync(tenant, "anna", section: "contacts")).Select(r => r.RunId));
        Assert.Equal(["run-c"], (await runs.ListAsync(tenant, "anna", top: 1)).Select(r => r.RunId));
    }

    [Theory, MemberData(nameof(TestTables.Both), MemberType = typeof(TestTables))]
    public async Task Pruning_removes_old_runs_but_keeps_the_newest_of_each_section_and_other_tenants_runs(bool azurite)
    {
        var runs = new RunStore(await TestTables.CreateAsync(azurite));
        var tenant = TestTables.NewTenant();
        var neighbour = tenant + "x"; // sorts next to the tenant's partitions
        var cutoff = T0.AddDays(-30);
        Task Add(string t, string target, string id, string section, DateTimeOffset at) =>
            runs.AddAsync(t, target, RunRecord.Fail(id, section, at, at, "x"));
        for (var i = 0; i < 3; i++) await Add(tenant, "anna", $"new{i}", "contacts", T0.AddDays(-i));
        for (var i = 0; i < 10; i++) await Add(tenant, "anna", $"old{i}", "contacts", cutoff.AddHours(-1 - i));
        await Add(tenant, "anna", "edge", "contacts", cutoff);        // started exactly at the cut-off: not older
        for (var i = 0; i < 2; i++) await Add(tenant, "anna", $"bak{i}", "backup", cutoff.AddDays(-20 - i));
        for (var i = 0; i < 5; i++) await Add(tenant, "bob", $"bob{i}", "contacts", cutoff.AddDays(-60 - i));
        for (var i = 0; i < 5; i++) await Add(neighbour, "anna", $"n{i}", "contacts", cutoff.AddDays(-60 - i));

        Assert.Equal(10 + 2, await runs.PruneAsync(tenant, cutoff, keepNewest: 3));

        // anna's contacts: the three newest (all recent) and the one at the cut-off; her rarely run backup keeps both;
        // bob never ran recently and keeps his newest three; the neighbouring tenant is untouched.
        Assert.Equal(["new0", "new1", "new2", "edge"], (await runs.ListAsync(tenant, "anna", 100, "contacts")).Select(r => r.RunId));
        Assert.Equal(["bak0", "bak1"], (await runs.ListAsync(tenant, "anna", 100, "backup")).Select(r => r.RunId));
        Assert.Equal(["bob0", "bob1", "bob2"], (await runs.ListAsync(tenant, "bob", 100)).Select(r => r.RunId));
        Assert.Equal(5, (await runs.ListAsync(neighbour, "anna", 100)).Count);
        Assert.Equal(0, await runs.PruneAsync(tenant, cutoff, keepNewest: 3)); // a second pass finds nothing more
    }

    [Fact]
    public async Task A_run_with_thousands_of_errors_keeps_what_fits_and_counts_the_rest()
    {
        var runs = new RunStore(await TestTables.AzuriteAsync());
        var tenant = TestTables.NewTenant();
        var report = new RunReport();
        for (var i = 0; i < 5000; i++)
            report.Errors.Add(new ItemError(ActionKind.CreateRemote, $"h{i}", null, "rejected", $"ErrorQuotaExceeded: item {i} " + new string('q', 60)));
        var stored = await runs.AddAsync(tenant, "anna", RunRecord.From("run-1", "contacts", T0, T0, report));
        var read = Assert.Single(await runs.ListAsync(tenant, "anna"));
        Assert.InRange(read.Errors.Count, 100, 4999);
        Assert.Equal(5000, read.Errors.Count + read.MoreErrors);
        Assert.Equal((stored.Errors.Count, "h0"), (read.Errors.Count, read.Errors[0].HubId));
    }
}
