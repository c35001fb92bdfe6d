using ContactSync.Engine.InMemory;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Sync;

namespace ContactSync.Engine.Tests.Sync;

public sealed class ExecutorTests
{
    [Fact]
    public async Task Retrying_a_plan_that_crashed_between_the_remote_create_and_its_row_creates_nothing_twice()
    {
        var h = new Harness();
        h.Hub.UserCreate(Harness.Contact("Ola", "ola@x.pl"));
        var plan = await h.PlanAsync();
        var executor = new Executor(h.Hub, h.Remote, h.Status);

        h.Faults.Reset(crashAtStep: 1); // dies right after the remote accepted the create
        await Assert.ThrowsAsync<SimulatedCrashException>(() => executor.ExecuteAsync(plan.Actions, 20, new RunReport()));
        h.Faults.Reset();
        Assert.Single(h.Remote.Items);
        Assert.Empty(h.Status.Rows);

        var retry = new RunReport(); // the queue re-delivers the same job: the same plan runs again
        await executor.ExecuteAsync(plan.Actions, 20, retry);

        var remote = Assert.Single(h.Remote.Items);
        var row = Assert.Single(h.Status.Rows);
        Assert.Equal((remote.Id, remote.Version), (row.RemoteId, row.RemoteVersion));
        Assert.True((await h.PlanAsync()).IsQuiet);
    }

    [Fact]
    public async Task A_run_reports_its_progress_once_planned_and_after_each_batch()
    {
        var seen = new List<(int Done, int Total)>();
        var h = new Harness();
        h.Options = h.Options with { BatchSize = 2, Progress = (done, total, _) => { seen.Add((done, total)); return Task.CompletedTask; } };
        foreach (var name in new[] { "Ada", "Ben", "Cyd", "Dan", "Eva" }) h.Hub.UserCreate(Harness.Contact(name, $"{name}@x.pl"));

        var report = await h.SyncAsync();

        Assert.Equal(5, report.Planned);
        Assert.Equal([(0, 5), (2, 5), (4, 5), (5, 5)], seen);
        Assert.Equal(5, h.Remote.Items.Count);
    }

    [Fact]
    public async Task Creates_look_for_earlier_copies_only_after_a_run_that_may_have_left_one()
    {
        var h = new Harness();
        h.Hub.UserCreate(Harness.Contact("Ola", "ola@x.pl"));
        var plan = await h.PlanAsync();
        var executor = new Executor(h.Hub, h.Remote, h.Status);
        var reads = h.Remote.ReadCalls;
        await executor.ExecuteAsync(plan.Actions, 20, new RunReport(), wholeTarget: true);
        Assert.Equal(reads, h.Remote.ReadCalls);                 // a clean run: the create cost one write, no lookup
        Assert.False(await h.Status.LoadCreatesInFlightAsync());

        h.Hub.UserCreate(Harness.Contact("Jan", "jan@x.pl"));
        plan = await h.PlanAsync();
        h.Faults.Reset(crashAtStep: 1);                          // dies right after the remote accepted the create
        await Assert.ThrowsAsync<SimulatedCrashException>(() => executor.ExecuteAsync(plan.Actions, 20, new RunReport(), wholeTarget: true));
        h.Faults.Reset();
        Assert.True(await h.Status.LoadCreatesInFlightAsync());
        reads = h.Remote.ReadCalls;
        await executor.ExecuteAsync(plan.Actions, 20, new RunReport(), wholeTarget: true);
        Assert.Equal(reads + 1, h.Remote.ReadCalls);             // the retry looked for the copy by its marker...
        Assert.Equal(2, h.Remote.Items.Count);                   // ...and found it instead of creating a duplicate
        Assert.False(await h.Status.LoadCreatesInFlightAsync());
    }

    [Fact]
    public async Task A_copy_edited_after_the_crash_is_adopted_by_the_retry_and_merged_by_the_next_run()
    {
        var h = new Harness();
        var hub = h.Hub.UserCreate(Harness.Contact("Ola", "ola@x.pl"));
        var plan = await h.PlanAsync();
        var executor = new Executor(h.Hub, h.Remote, h.Status);
        h.Faults.Reset(crashAtStep: 1);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => executor.ExecuteAsync(plan.Actions, 20, new RunReport()));
        h.Faults.Reset();
        var copy = h.Remote.Items.Single();
        h.Remote.UserEdit(copy.Id, copy.Item.With("jobTitle", "CEO")); // the user is quicker than the retry

        var retry = new RunReport();
        await executor.ExecuteAsync(plan.Actions, 20, retry);
        Assert.Empty(retry.Errors);
        Assert.Equal("CEO", h.Remote.Items.Single().Item["jobTitle"]); // adopted, not overwritten
        Assert.Equal("", h.Status.Rows.Single().RemoteVersion);        // read again by the next run

        Assert.Empty((await h.SyncAsync()).Errors);
        Assert.Equal("CEO", h.Hub[hub.Id]!.Item["jobTitle"]);
        Assert.Equal((hub.Id, copy.Id), (h.Status.Rows.Single().HubId, h.Status.Rows.Single().RemoteId));
        Assert.True((await h.PlanAsync()).IsQuiet);
    }

    [Fact]
    public async Task A_write_on_a_version_that_moved_is_reported_and_the_next_run_plans_it_again()
    {
        var h = new Harness { Options = new SyncOptions { Projection = TestProjection.Instance, Policy = ConflictPolicy.HubWins } };
        var hub = h.Hub.UserCreate(Harness.Contact("Ola", "ola@x.pl"));
        await h.SyncAsync();
        h.Hub.UserEdit(hub.Id, hub.Item.With("jobTitle", "CEO"));
        var plan = await h.PlanAsync();
        var remote = h.Remote.Items.Single();
        h.Remote.UserEdit(remote.Id, remote.Item.With("surname", "Nowakowska")); // lands between plan and write

        var report = new RunReport();
        await new Executor(h.Hub, h.Remote, h.Status).ExecuteAsync(plan.Actions, 20, report);

        var error = Assert.Single(report.Errors);
        Assert.StartsWith("ErrorIrresolvableConflict", error.RemoteMessage);
        Assert.Empty((await h.SyncAsync()).Errors);
        var merged = h.Hub[hub.Id]!.Item;
        Assert.Equal(("CEO", "Nowakowska"), (merged["jobTitle"], merged["surname"]));
        Assert.Equal(Harness.Held(merged), h.Remote.Items.Single().Item);
    }

    [Fact]
    public async Task One_failing_item_is_reported_with_the_remotes_message_and_the_others_are_written()
    {
        var h = new Harness();
        for (var i = 0; i < 5; i++) h.Hub.UserCreate(Harness.Contact($"P{i}", $"p{i}@x.pl"));
        h.Faults.Reset(failWriteAt: 2);
        var report = await h.SyncAsync();
        h.Faults.Reset();

        var error = Assert.Single(report.Errors);
        Assert.Equal(ActionKind.CreateRemote, error.Kind);
        Assert.Contains("injected failure", error.RemoteMessage);
        Assert.Equal(4, report.Count(ActionKind.CreateRemote));
        Assert.Equal(4, h.Remote.Items.Count);

        Assert.Empty((await h.SyncAsync()).Errors); // tokens were kept: the next run retries the failed item
        Assert.Equal(5, h.Remote.Items.Count);
        Assert.True((await h.PlanAsync()).IsQuiet);
    }

    [Fact]
    public async Task Values_the_remote_cannot_hold_are_warnings_and_stay_in_the_hub()
    {
        var h = new Harness();
        var hub = h.Hub.UserCreate(Harness.Contact("Ola", "a@x.pl", "met at the fair").WithList("emails", ["a@x.pl", "b@x.pl", "c@x.pl"]));
        var report = await h.SyncAsync();
        Assert.Equal(2, report.Warnings.Count);
        Assert.Contains(report.Warnings, w => w.Message.Contains("c@x.pl"));

        var remote = h.Remote.Items.Single();
        Assert.Equal(["a@x.pl", "b@x.pl"], remote.Item.List("emails"));
        h.Remote.UserEdit(remote.Id, remote.Item.With("jobTitle", "CFO"));
        Assert.Empty((await h.SyncAsync()).Errors);
        var after = h.Hub[hub.Id]!.Item;
        Assert.Equal((3, "met at the fair", "CFO"), (after.List("emails").Count, after["notes"], after["jobTitle"]));
    }

    [Fact]
    public async Task An_unchanged_target_costs_one_listing_per_side_and_nothing_else()
    {
        var h = new Harness();
        for (var i = 0; i < 10; i++) h.Hub.UserCreate(Harness.Contact($"P{i}", $"p{i}@x.pl"));
        await h.SyncAsync();
        var (hubReads, remoteReads, remoteLists, remoteWrites) = (h.Hub.ReadCalls, h.Remote.ReadCalls, h.Remote.ListCalls, h.Remote.WriteCalls);

        var report = await h.SyncAsync(); // our own writes come back in the delta: their versions are the rows' (M25)

        Assert.Equal(0, report.Planned);
        Assert.Equal((hubReads, remoteReads, remoteLists + 1, remoteWrites), (h.Hub.ReadCalls, h.Remote.ReadCalls, h.Remote.ListCalls, h.Remote.WriteCalls));
    }

    [Fact]
    public async Task Writes_go_to_each_store_in_batches()
    {
        var h = new Harness { Options = new SyncOptions { Projection = TestProjection.Instance, BatchSize = 20 } };
        for (var i = 0; i < 45; i++) h.Hub.UserCreate(Harness.Contact($"P{i}", $"p{i}@x.pl"));
        var report = await h.SyncAsync();
        Assert.Equal(45, report.Count(ActionKind.CreateRemote));
        Assert.Equal(3, h.Remote.WriteCalls);
        Assert.Equal(0, h.Hub.WriteCalls);
    }

    [Fact]
    public async Task A_store_that_throws_a_typed_error_for_the_whole_batch_fails_only_those_items()
    {
        var hub = new InMemoryItemStore("hub");
        hub.UserCreate(FieldMap.Empty.With("givenName", "Ola"));
        var status = new InMemoryStatusStore();
        var report = await new SyncEngine(hub, new RefusingStore(), status).RunAsync(new SyncOptions());
        var error = Assert.Single(report.Errors);
        Assert.Equal("AccessDenied: the mailbox is not licensed", error.RemoteMessage);
        Assert.Empty(status.Rows);
    }

    /// <summary>A remote that lists nothing and refuses every batch as a whole, as a mailbox without a licence does.</summary>
    private sealed class RefusingStore : IItemStore
    {
        public bool IsReadOnly => false;
        public Task<ChangeSet> ListChangesAsync(string? syncToken, CancellationToken ct = default) => Task.FromResult(new ChangeSet([], [], true, "t"));
        public Task<IReadOnlyList<StoredItem>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<StoredItem>>([]);
        public Task<IReadOnlyList<StoredItem>> FindByMarkersAsync(IReadOnlyCollection<string> markers, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<StoredItem>>([]);
        public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOp> ops, CancellationToken ct = default) =>
            throw new ItemStoreException("Forbidden", null, "AccessDenied: the mailbox is not licensed");
    }
}
