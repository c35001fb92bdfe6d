using ContactSync.Engine.Sync;
using ContactSync.Handler.Jobs;
using ContactSync.Handler.Options;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.SyncState;
using ContactSync.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactSync.Handler.Tests.EndToEnd;

/// <summary>A target without an e-mail fails with M18's error; the scheduler fans out only the due pairs.</summary>
public sealed class FailuresAndFanOutTests(SyncHostFixture f) : IClassFixture<SyncHostFixture>
{
    private static Policy TwoWay(string id) => new(id, null,
        new ContactsSection(Interval.Off, null, SyncDirection.TwoWay, false, [], null, ConflictPolicy.Manual, DeleteMode.Propagate, null));

    [Fact]
    public async Task A_target_without_an_email_fails_its_job_with_a_clear_error_and_a_failed_run()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("p"));
        await f.MailboxTargetAsync(t, "old", "p");
        // A row written before M18 was enforced: the API refuses to save one like it.
        var row = (await f.Tables.GetAsync(ContactSync.Hub.HubTables.Targets, t, "old"))!;
        row.Properties.Remove("ownerEmail");
        row.Properties.Remove("mailboxUser");
        await f.Tables.UpsertAsync(ContactSync.Hub.HubTables.Targets, row, WriteMode.Replace);

        var job = await f.SyncAsync(t, "old", expectedState: "failed");
        Assert.Contains("ownerEmail is required", job.GetProperty("error").GetString());
        var run = (await f.GetAsync($"api/tenants/{t}/targets/old/runs"))[0];
        Assert.Equal("failed", run.GetProperty("result").GetString());
        Assert.Contains("ownerEmail is required", run.GetProperty("failure").GetString());
    }

    [Fact]
    public async Task The_scheduler_emits_one_job_per_due_pair_only_and_the_worker_runs_it()
    {
        var t = await f.TenantAsync();
        await f.PolicyAsync(t, TwoWay("p"));
        var dueUpn = await f.MailboxTargetAsync(t, "due", "p");
        await f.MailboxTargetAsync(t, "later", "p");
        await f.Hub(t).PutAsync("x", SyncHostFixture.Contact(("givenName", "Anna"), ("surname", "Müller"), ("syncTags", "due\nlater")));

        // The due index in memory (the shared test Azurite's due table may hold other suites' entries).
        var tables = new InMemoryTableStore();
        foreach (var table in ContactSync.Hub.HubTables.All) await tables.CreateTableIfNotExistsAsync(table);
        var index = new DueIndex(tables);
        var now = DateTimeOffset.UtcNow;
        await index.ScheduleAsync(new SyncKey(t, "due", PolicySections.Contacts), now.AddMinutes(-1));
        await index.ScheduleAsync(new SyncKey(t, "later", PolicySections.Contacts), now.AddMinutes(10));
        var jobsOptions = Microsoft.Extensions.Options.Options.Create(new JobsOptions { Table = "jobs" });
        await tables.CreateTableIfNotExistsAsync("jobs");
        var scheduler = new JobScheduler(new JobStore(tables, jobsOptions), new InMemoryQueueStore(), index, TimeProvider.System,
            jobsOptions, Microsoft.Extensions.Options.Options.Create(new SchedulerOptions { HeartbeatJobs = 0 }), NullLogger<JobScheduler>.Instance);

        var messages = await scheduler.CreateDueJobsAsync(default);
        var message = Assert.Single(messages);
        Assert.Equal((t, "due", PolicySections.Contacts, JobKinds.Sync), (message.TenantId, message.TargetId, message.Section, message.Kind));
        Assert.Empty(await scheduler.CreateDueJobsAsync(default)); // claimed: a second tick gets nothing

        // The message the output binding would write, on the worker's queue: the due target syncs, the other does not.
        await f.PutAsync(message);
        await TestEnvironment.EventuallyAsync(async () => (await f.GetAsync($"api/tenants/{t}/targets/due/runs")).GetArrayLength() > 0 ? "" : null,
            TimeSpan.FromSeconds(60), "the due target's run");
        Assert.Single(f.Sandbox.Contacts(dueUpn));
        Assert.Equal(0, (await f.GetAsync($"api/tenants/{t}/targets/later/runs")).GetArrayLength());
    }
}
