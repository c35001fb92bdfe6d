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
