using ContactSync.Handler.Jobs;
using ContactSync.Handler.Options;
using ContactSync.Handler.Sync;
using ContactSync.Hub;
using ContactSync.Hub.Backups;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace ContactSync.Handler.Tests.Backups;

/// <summary>The backup's due entry (M23) at the tenant's local time, across daylight-saving changes, with a clock the test
/// sets; the Scheduler turns it into a backup job. Instants below are worked out by hand for Europe/Warsaw.</summary>
public sealed class BackupSchedulingTests
{
    private static readonly Tenant Warsaw = new("t1", "T1", "PL", "Europe/Warsaw", new GraphSettings("contoso.example", null, CredentialKind.ManagedIdentity));
    private static readonly SyncKey Key = new("t1", "ann", BackupSection.Name);
    private readonly InMemoryTableStore _tables = new();
    private readonly TestClock _clock = new(At("2026-03-28T10:00:00Z"));

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

    private static Policy WithBackup(Interval interval, TimeOnly time, DateTimeOffset updatedAt) =>
        new Policy("p", null, null) { Backup = new BackupSection(interval, time, 2), UpdatedAt = updatedAt };

    private static Target Ann(DateTimeOffset assignedAt) => new("ann", TargetKind.Mailbox, "ann@contoso.example", null, "p", []) { PolicyAssignedAt = assignedAt };

    private async Task<TargetScheduling> SchedulingAsync()
    {
        foreach (var table in HubTables.All) await _tables.CreateTableIfNotExistsAsync(table);
        return new TargetScheduling(new DueIndex(_tables), new SyncStateStore(_tables, _clock), _clock);
    }

    /// <summary>Every due row of the backup key, whatever its bucket.</summary>
    private async Task<List<DateTimeOffset>> DueRowsAsync()
    {
        var rows = new List<DateTimeOffset>();
        await foreach (var e in _tables.QueryAsync(HubTables.Due, new TableQuery(TableFilter.Eq("RowKey", Key.ToString()))))
            rows.Add(e.GetDateTime("dueUtc")!.Value);
        return rows;
    }

    [Fact]
    public async Task Daily_at_03_00_is_due_the_day_after_it_was_applied_at_03_00_summer_time_and_becomes_a_backup_job()
    {
        var scheduling = await SchedulingAsync();
        await scheduling.ScheduleTargetAsync(Warsaw, Ann(At("2026-03-28T09:30:00Z")), WithBackup(Interval.Daily, new TimeOnly(3, 0), At("2026-03-28T09:00:00Z")));

        // 29 March 2026: clocks go from 02:00 CET to 03:00 CEST, so 03:00 local is 01:00 UTC.
        Assert.Equal([At("2026-03-29T01:00:00Z")], await DueRowsAsync());
        var index = new DueIndex(_tables);
        Assert.DoesNotContain(await index.ReadDueAsync(At("2026-03-29T00:59:59Z")), e => e.Key == Key);
        var state = await new SyncStateStore(_tables).GetAsync(Key);
        Assert.Equal((At("2026-03-29T01:00:00Z"), "daily at 03:00"), (state!.NextDue!.Value, state.Interval));

        await index.ScheduleAsync(new SyncKey("t1", "ann", PolicySections.Contacts), At("2026-03-29T00:30:00Z"));
        _clock.Now = At("2026-03-29T01:00:05Z");
        var jobsOptions = MsOptions.Create(new JobsOptions { Table = "jobs" });
        await _tables.CreateTableIfNotExistsAsync("jobs");
        var scheduler = new JobScheduler(new JobStore(_tables, jobsOptions), new InMemoryQueueStore(), index, _clock, jobsOptions,
            MsOptions.Create(new SchedulerOptions { HeartbeatJobs = 0 }), NullLogger<JobScheduler>.Instance);
        var messages = await scheduler.CreateDueJobsAsync(default);
        Assert.Equal([(BackupSection.Name, JobKinds.Backup), (PolicySections.Contacts, JobKinds.Sync)],
            messages.Select(m => (m.Section!, m.Kind)).Order());
        Assert.All(messages, m => Assert.Equal(("t1", "ann"), (m.TenantId, m.TargetId!)));
        Assert.Empty(await DueRowsAsync()); // claimed

        // The worker reschedules after the backup: the next day at 03:00, still summer time.
        var next = await scheduling.ScheduleBackupAsync(Warsaw, Ann(At("2026-03-28T09:30:00Z")),
            WithBackup(Interval.Daily, new TimeOnly(3, 0), At("2026-03-28T09:00:00Z")), At("2026-03-29T01:00:05Z"));
        Assert.Equal(At("2026-03-30T01:00:00Z"), next);
        Assert.Equal([At("2026-03-30T01:00:00Z")], await DueRowsAsync());
    }

    [Fact]
    public async Task Weekly_at_02_30_keeps_its_weekday_and_local_time_when_the_clocks_go_back()
    {
        var scheduling = await SchedulingAsync();
        var policy = WithBackup(Interval.Weekly, new TimeOnly(2, 30), At("2026-10-17T12:00:00Z"));
        var target = Ann(At("2026-10-17T12:00:00Z"));
        _clock.Now = At("2026-10-17T12:00:00Z");

        Assert.Equal(At("2026-10-18T00:30:00Z"), await scheduling.ScheduleBackupAsync(Warsaw, target, policy, null)); // Sunday, CEST
        // 25 October: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice; the first (CEST) one is taken.
        Assert.Equal(At("2026-10-25T00:30:00Z"), await scheduling.ScheduleBackupAsync(Warsaw, target, policy, At("2026-10-18T00:30:10Z")));
        Assert.Equal(At("2026-11-01T01:30:00Z"), await scheduling.ScheduleBackupAsync(Warsaw, target, policy, At("2026-10-25T00:30:10Z")));
        Assert.Equal([At("2026-11-01T01:30:00Z")], await DueRowsAsync());
    }

    [Fact]
    public async Task Editing_another_section_keeps_the_backup_time_a_new_time_moves_it_and_no_backup_section_removes_it()
    {
        var scheduling = await SchedulingAsync();
        var target = Ann(At("2026-03-28T09:30:00Z"));
        await scheduling.ScheduleTargetAsync(Warsaw, target, WithBackup(Interval.Daily, new TimeOnly(3, 0), At("2026-03-28T09:00:00Z")));

        // Saved again at 00:30 local on the 29th (another section changed): today's 03:00 backup still runs.
        _clock.Now = At("2026-03-28T23:30:00Z");
        await scheduling.ScheduleTargetAsync(Warsaw, target, WithBackup(Interval.Daily, new TimeOnly(3, 0), _clock.Now));
        Assert.Equal([At("2026-03-29T01:00:00Z")], await DueRowsAsync());

        // A new time of day is a new schedule: from the day after the change.
        await scheduling.ScheduleTargetAsync(Warsaw, target, WithBackup(Interval.Daily, new TimeOnly(4, 15), _clock.Now));
        Assert.Equal([At("2026-03-30T02:15:00Z")], await DueRowsAsync());

        await scheduling.ScheduleTargetAsync(Warsaw, target, new Policy("p", null, null) { UpdatedAt = _clock.Now });
        Assert.Empty(await DueRowsAsync());
        Assert.Null((await new SyncStateStore(_tables).GetAsync(Key))!.NextDue);

        // Deleting the target (no policy) leaves nothing due either, and a policy that gets a backup again schedules it.
        await scheduling.ScheduleTargetAsync(Warsaw, target, null);
        Assert.Empty(await DueRowsAsync());
        await scheduling.ScheduleTargetAsync(Warsaw, target, WithBackup(Interval.Monthly, new TimeOnly(3, 0), _clock.Now));
        Assert.Equal([At("2026-03-30T01:00:00Z")], await DueRowsAsync());
    }

    [Fact]
    public async Task A_new_tenant_time_zone_moves_the_coming_backup_to_the_same_local_time()
    {
        var scheduling = await SchedulingAsync();
        var target = Ann(At("2026-03-28T09:30:00Z"));
        var policy = WithBackup(Interval.Daily, new TimeOnly(3, 0), At("2026-03-28T09:00:00Z"));
        await scheduling.ScheduleTargetAsync(Warsaw, target, policy);
        Assert.Equal([At("2026-03-29T01:00:00Z")], await DueRowsAsync());

        // Lisbon goes to summer time (UTC+1) at 01:00 UTC on the 29th: 03:00 there is 02:00 UTC. Without the zone change
        // the unchanged backup schedule keeps its coming time; with it, the time moves.
        var lisbon = Warsaw with { TimeZone = "Europe/Lisbon" };
        await scheduling.ScheduleTargetAsync(lisbon, target, policy);
        Assert.Equal([At("2026-03-29T01:00:00Z")], await DueRowsAsync());
        await scheduling.ScheduleTargetAsync(lisbon, target, policy, zoneChanged: true);
        Assert.Equal([At("2026-03-29T02:00:00Z")], await DueRowsAsync());
    }

    private sealed class TestClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
