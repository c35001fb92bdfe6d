using ContactSync.Engine.Sync;

namespace ContactSync.Engine.Tests.Sync;

/// <summary>Each named rail stops the run for the target, says why, and writes nothing.</summary>
public sealed class SafetyRailTests
{
    private static async Task<Harness> SyncedAsync(int pairs, bool remoteReadOnly = false)
    {
        var h = new Harness(remoteReadOnly: remoteReadOnly);
        for (var i = 0; i < pairs; i++) h.Hub.UserCreate(Harness.Contact($"P{i}", $"p{i}@x.pl"));
        if (!remoteReadOnly) Assert.Empty((await h.SyncAsync()).Errors);
        return h;
    }

    [Fact]
    public async Task A_remote_that_suddenly_lists_nothing_stops_the_run_and_the_hub_keeps_everything()
    {
        var h = await SyncedAsync(3);
        h.Options = h.Options with { DeleteMode = DeleteMode.Propagate };
        foreach (var item in h.Remote.Items.ToList()) h.Remote.UserDelete(item.Id);
        var writes = h.Hub.AttemptedWrites;

        var report = await h.SyncAsync();

        Assert.Equal(SafetyRail.SideSuddenlyEmpty, report.StoppedBy?.Rail);
        Assert.Equal("remote", report.StoppedBy?.Side);
        Assert.Equal(3, h.Hub.Items.Count);
        Assert.Equal(writes, h.Hub.AttemptedWrites);
        Assert.Equal(3, h.Status.Rows.Count);
    }

    [Theory]
    [InlineData(7, true)]  // 35% of 20 pairs
    [InlineData(6, false)] // 30%: allowed
    public async Task Deleting_more_than_the_share_of_a_targets_items_stops_the_run(int deletes, bool stops)
    {
        var h = await SyncedAsync(20);
        foreach (var item in h.Hub.Items.Take(deletes).ToList()) h.Hub.UserDelete(item.Id);
        var report = await h.SyncAsync();
        Assert.Equal(stops ? SafetyRail.MassDelete : null, report.StoppedBy?.Rail);
        Assert.Equal(stops ? 20 : 20 - deletes, h.Remote.Items.Count);
    }

    [Fact]
    public async Task A_few_deletes_in_a_small_target_are_not_a_mass_delete()
    {
        var h = await SyncedAsync(3);
        h.Hub.UserDelete(h.Hub.Items.First().Id);
        var report = await h.SyncAsync();
        Assert.Null(report.StoppedBy);
        Assert.Equal(2, h.Remote.Items.Count);
    }

    [Fact]
    public async Task A_plan_writing_to_a_read_only_remote_stops_before_any_write()
    {
        var h = await SyncedAsync(2, remoteReadOnly: true);
        var report = await h.SyncAsync();
        Assert.Equal(SafetyRail.ReadOnlySide, report.StoppedBy?.Rail);
        Assert.Contains("read-only", report.StoppedBy!.Reason);
        Assert.Equal(0, h.Remote.AttemptedWrites);
        Assert.Empty(h.Status.Rows);
    }

    [Fact]
    public async Task Import_from_a_read_only_remote_runs_and_never_writes_it()
    {
        var h = new Harness(remoteReadOnly: true);
        h.Options = h.Options with { Direction = SyncDirection.Import };
        h.Remote.UserCreate(Harness.Held(Harness.Contact("Ola", "ola@x.pl")));
        h.Hub.UserCreate(Harness.Contact("Jiří", "jiri@x.cz"));
        var report = await h.SyncAsync();
        Assert.Null(report.StoppedBy);
        Assert.Equal(1, report.Count(ActionKind.CreateHub));
        Assert.Equal(0, h.Remote.AttemptedWrites);
    }
}
