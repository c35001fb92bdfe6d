using System.Text.Json;
using System.Text.Json.Nodes;
using ContactSync.Handler.Jobs;
using ContactSync.Handler.Tests.EndToEnd;
using ContactSync.Hub;
using ContactSync.Hub.Backups;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.SyncState;
using ContactSync.Storage;
using DirectoryUser = ContactSync.GraphSandbox.Model.DirectoryUser;
using static ContactSync.Handler.Tests.Backups.BackupSteps;

namespace ContactSync.Handler.Tests.Backups;

/// <summary>Scheduled backups (M23) through the HTTP API on the dev host: the policy's backup section schedules the target,
/// the Scheduler (its clock moved to the due time) emits a backup job, the worker takes the snapshot, keeps the newest
/// keepLast and schedules the next; the status shows it all.</summary>
public sealed class ScheduledBackupTests(SyncHostFixture f) : IClassFixture<SyncHostFixture>
{
    [Fact]
    public async Task A_daily_backup_is_taken_on_schedule_keeps_the_newest_two_is_rescheduled_and_leaves_with_its_section()
    {
        var t = await f.TenantAsync();
        await PutAsync(f.Http, $"api/tenants/{t}/policies/nightly", """{ "backup": { "interval": "daily", "timeOfDay": "03:00", "keepLast": 2 } }""");
        var upn = $"ola@{t}.example";
        f.Sandbox.SeedUser(f.Directories[t], new DirectoryUser { UserPrincipalName = upn, DisplayName = "Ola" });
        f.Sandbox.OutlookCreate(upn, new JsonObject { ["givenName"] = "Zoë", ["surname"] = "Łukasiewicz" });
        f.Sandbox.OutlookCreate(upn, new JsonObject { ["givenName"] = "Jürgen", ["surname"] = "Müller" });
        var before = DateTimeOffset.UtcNow;
        await PutAsync(f.Http, $"api/tenants/{t}/targets/ola", $$"""{ "ownerEmail": "{{upn}}", "policyId": "nightly" }""");
        DateTimeOffset[] applied = [NextDayAt(before, new TimeOnly(3, 0)), NextDayAt(DateTimeOffset.UtcNow, new TimeOnly(3, 0))]; // the same unless midnight passed

        var status = await f.GetAsync($"api/tenants/{t}/targets/ola/status");
        Assert.Equal("mailbox", status.GetProperty("kind").GetString());
        Assert.False(status.TryGetProperty("device", out _));
        var backup = status.GetProperty("backup");
        var due = backup.GetProperty("nextExpectedSync").GetDateTimeOffset();
        Assert.Contains(due, applied);
        Assert.Equal(("daily at 03:00", 2), (backup.GetProperty("interval").GetString(), backup.GetProperty("keepLast").GetInt32()));
        Assert.Equal(JsonValueKind.Null, backup.GetProperty("lastSnapshot").ValueKind);
        Assert.NotNull(await DueRowAsync(t, due));

        // Three Scheduler ticks at the due time, the mailbox gaining a contact before the third.
        var taken = new List<string>();
        for (var run = 0; run < 3; run++)
        {
            if (run == 2) f.Sandbox.OutlookCreate(upn, new JsonObject { ["givenName"] = "Ágota", ["surname"] = "Szabó" });
            var job = Assert.Single(await TickAsync(t, due));
            Assert.Equal((JobKinds.Backup, "ola", BackupSection.Name), (job.Kind, job.TargetId, job.Section));
            await f.PutAsync(job);
            var final = await JobAsync(f.Http, t, job.JobId);
            Assert.True(final.GetProperty("state").GetString() == "succeeded", final.ToString());
            taken.Add((await f.GetAsync($"api/tenants/{t}/targets/ola/backups"))[0].GetProperty("snapshotId").GetString()!);
        }

        var list = (await f.GetAsync($"api/tenants/{t}/targets/ola/backups")).EnumerateArray().ToList();
        Assert.Equal([taken[2], taken[1]], list.Select(s => s.GetProperty("snapshotId").GetString())); // the oldest dropped
        Assert.All(list, s => Assert.Equal(Snapshot.Scheduled, s.GetProperty("trigger").GetString()));
        Assert.Equal([3, 2], list.Select(s => s.GetProperty("itemCount").GetInt32()));
        var newest = (await new SnapshotStore(f.Tables).GetAsync(t, "ola", taken[2]))!;
        Assert.Equal(Names(f.Sandbox.Contacts(upn).Select(c => (c["givenName"]!.GetValue<string>(), c["surname"]!.GetValue<string>()))),
            Names((await new SnapshotStore(f.Tables).ItemsAsync(newest)).Select(i => (i.Fields["givenName"]!, i.Fields["surname"]!))));
        Assert.Empty(await f.Tables.QueryAsync(HubTables.BackupItems, new TableQuery(TableFilter.And(TableFilter.Partition($"{t}|ola"), TableFilter.StartsWith("RowKey", taken[0])))).ToListAsync());

        var runs = (await f.GetAsync($"api/tenants/{t}/targets/ola/runs?section=backup")).EnumerateArray().ToList();
        Assert.Equal(["succeeded", "succeeded", "succeeded"], runs.Select(r => r.GetProperty("result").GetString()));
        Assert.Equal([(3, 1), (2, 0), (2, 0)], runs.Select(r => (r.GetProperty("counts").GetProperty("Items").GetInt32(), r.GetProperty("counts").GetProperty("Pruned").GetInt32())));

        // The next backup is the next day's 03:00 (the runs were today), in the due index again; the status says so.
        backup = (await f.GetAsync($"api/tenants/{t}/targets/ola/status")).GetProperty("backup");
        Assert.Equal(due, backup.GetProperty("nextExpectedSync").GetDateTimeOffset());
        Assert.NotNull(await DueRowAsync(t, due));
        Assert.Equal("succeeded", backup.GetProperty("lastResult").GetString());
        Assert.True(backup.GetProperty("lastSync").GetDateTimeOffset() >= before);
        var last = backup.GetProperty("lastSnapshot");
        Assert.Equal((taken[2], 3), (last.GetProperty("snapshotId").GetString(), last.GetProperty("itemCount").GetInt32()));
        Assert.Equal(newest.TakenAt, last.GetProperty("takenAt").GetDateTimeOffset());

        // The policy loses its backup section: nothing is due any more and the status has no backup entry.
        await PutAsync(f.Http, $"api/tenants/{t}/policies/nightly", "{}");
        Assert.Null(await DueRowAsync(t, due));
        Assert.False((await f.GetAsync($"api/tenants/{t}/targets/ola/status")).TryGetProperty("backup", out _));
        Assert.Empty(await TickAsync(t, due.AddDays(400)));
    }

    [Fact]
    public async Task A_backup_job_whose_policy_has_no_backup_section_fails_with_the_reason_in_its_run_and_takes_nothing()
    {
        var t = await f.TenantAsync();
        await PutAsync(f.Http, $"api/tenants/{t}/policies/plain", "{}");
        var upn = $"ola@{t}.example";
        f.Sandbox.SeedUser(f.Directories[t], new DirectoryUser { UserPrincipalName = upn, DisplayName = "Ola" });
        await PutAsync(f.Http, $"api/tenants/{t}/targets/ola", $$"""{ "ownerEmail": "{{upn}}", "policyId": "plain" }""");
        Assert.Empty(await TickAsync(t, DateTimeOffset.UtcNow.AddDays(400))); // nothing scheduled

        // A backup job left over from before the section was removed.
        var job = new JobMessage(t, JobIds.New(DateTimeOffset.UtcNow), JobKinds.Backup, TargetId: "ola", Section: BackupSection.Name);
        await f.PutAsync(job);
        var final = await JobAsync(f.Http, t, job.JobId);
        Assert.Equal("failed", final.GetProperty("state").GetString());
        Assert.Contains("has no backup section", final.GetProperty("error").GetString(), StringComparison.Ordinal);
        var run = Assert.Single((await f.GetAsync($"api/tenants/{t}/targets/ola/runs?section=backup")).EnumerateArray());
        Assert.Equal(("failed", job.JobId), (run.GetProperty("result").GetString(), run.GetProperty("runId").GetString()));
        Assert.Contains("Policy 'plain' of target 'ola' has no backup section", run.GetProperty("failure").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await f.GetAsync($"api/tenants/{t}/targets/ola/backups")).GetArrayLength());
        Assert.Empty(await TickAsync(t, DateTimeOffset.UtcNow.AddDays(400))); // and still nothing scheduled
    }

    [Fact]
    public async Task A_backup_job_waits_while_another_job_holds_the_targets_backup_lease_then_runs()
    {
        var t = await f.TenantAsync();
        await PutAsync(f.Http, $"api/tenants/{t}/policies/nightly", """{ "backup": { "interval": "monthly", "timeOfDay": "01:30" } }""");
        var upn = $"ola@{t}.example";
        f.Sandbox.SeedUser(f.Directories[t], new DirectoryUser { UserPrincipalName = upn, DisplayName = "Ola" });
        f.Sandbox.OutlookCreate(upn, new JsonObject { ["givenName"] = "Zoë", ["surname"] = "Łukasiewicz" });
        await PutAsync(f.Http, $"api/tenants/{t}/targets/ola", $$"""{ "ownerEmail": "{{upn}}", "policyId": "nightly" }""");
        var state = new SyncStateStore(f.Tables);
        var key = new SyncKey(t, "ola", BackupSection.Name);
        Assert.True((await state.TryAcquireAsync(key, "another-job")).Acquired);

        var due = (await f.GetAsync($"api/tenants/{t}/targets/ola/status")).GetProperty("backup").GetProperty("nextExpectedSync").GetDateTimeOffset();
        var job = Assert.Single(await TickAsync(t, due));
        await f.PutAsync(job);
        await TestEnvironment.EventuallyAsync(async () =>
        {
            using var response = await f.Http.GetAsync($"api/tenants/{t}/jobs/{job.JobId}");
            return response.IsSuccessStatusCode && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
                .GetProperty("result").GetString() is { } r && r.StartsWith("waiting: job another-job", StringComparison.Ordinal) ? "" : null;
        }, TimeSpan.FromSeconds(30), "the backup job waiting for the lease");
        Assert.Equal(0, (await f.GetAsync($"api/tenants/{t}/targets/ola/backups")).GetArrayLength());

        Assert.True(await state.ReleaseAsync(key, "another-job"));
        Assert.Equal("succeeded", (await JobAsync(f.Http, t, job.JobId)).GetProperty("state").GetString());
        Assert.Equal(1, (await f.GetAsync($"api/tenants/{t}/targets/ola/backups"))[0].GetProperty("itemCount").GetInt32());
        Assert.Null((await state.GetAsync(key))!.Lease); // released after the run
    }

    private static string[] Names(IEnumerable<(string Given, string Surname)> names) => [.. names.Select(n => $"{n.Given} {n.Surname}").Order(StringComparer.Ordinal)];

    private Task<TableEntity?> DueRowAsync(string tenantId, DateTimeOffset due) =>
        f.Tables.GetAsync(HubTables.Due, DueIndex.Bucket(due), $"{tenantId}|ola|{BackupSection.Name}");
}
