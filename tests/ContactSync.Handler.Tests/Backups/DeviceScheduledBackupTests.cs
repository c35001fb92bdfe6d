using System.Text.Json;
using System.Text.Json.Nodes;
using ContactSync.Handler.Invocation;
using ContactSync.Handler.Jobs;
using ContactSync.Handler.Tests.EndToEnd.Devices;
using ContactSync.Hub.Backups;
using static ContactSync.Handler.Tests.Backups.BackupSteps;

namespace ContactSync.Handler.Tests.Backups;

/// <summary>A scheduled backup of a device (M22, M23): an emulated phone behind the device contacts API is backed up
/// through the Scheduler and the worker like a mailbox; its status names the device but never its credential.</summary>
public sealed class DeviceScheduledBackupTests(DeviceHostFixture f) : IClassFixture<DeviceHostFixture>
{
    private static string[] Names(IEnumerable<string?> names) => [.. names.Select(n => n ?? "").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_phone_is_backed_up_weekly_on_schedule_keeping_the_last_one_and_its_status_shows_no_credential()
    {
        var t = await f.TenantAsync();
        await PutAsync(f.Http, $"api/tenants/{t}/policies/phones", """{ "backup": { "interval": "weekly", "timeOfDay": "02:00", "keepLast": 1 } }""");
        var before = DateTimeOffset.UtcNow;
        var phone = await f.ApiDeviceAsync(t, "anna", "phones");
        DateTimeOffset[] applied = [NextDayAt(before, new TimeOnly(2, 0)), NextDayAt(DateTimeOffset.UtcNow, new TimeOnly(2, 0))];
        f.Emulator.UserEdit(phone, null, new JsonObject { ["givenName"] = "Zoë", ["surname"] = "Łukasiewicz", ["mobilePhones"] = new JsonArray("+48 601 234 567") });
        f.Emulator.UserEdit(phone, null, new JsonObject { ["givenName"] = "Jürgen", ["surname"] = "Müller" });

        var raw = await f.Http.GetStringAsync($"api/tenants/{t}/targets/anna/status");
        Assert.DoesNotContain(DeviceHostFixture.TokenSetting, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("credential", raw, StringComparison.OrdinalIgnoreCase);
        var status = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(("device", JsonValueKind.Null), (status.GetProperty("kind").GetString(), status.GetProperty("mailbox").ValueKind));
        var device = status.GetProperty("device");
        Assert.Equal(("api", f.Emulator.DeviceUrl(phone), "anna's phone"),
            (device.GetProperty("protocol").GetString(), device.GetProperty("url").GetString(), device.GetProperty("name").GetString()));
        var due = status.GetProperty("backup").GetProperty("nextExpectedSync").GetDateTimeOffset();
        Assert.Contains(due, applied);
        Assert.Equal("weekly at 02:00", status.GetProperty("backup").GetProperty("interval").GetString());

        var first = await BackupAsync(t, due);
        f.Emulator.UserEdit(phone, null, new JsonObject { ["givenName"] = "Ágota", ["surname"] = "Szabó" });
        var second = await BackupAsync(t, due);

        var kept = Assert.Single((await f.GetAsync($"api/tenants/{t}/targets/anna/backups")).EnumerateArray());
        Assert.Equal((second, Snapshot.Scheduled, 3), (kept.GetProperty("snapshotId").GetString(), kept.GetProperty("trigger").GetString(), kept.GetProperty("itemCount").GetInt32()));
        Assert.NotEqual(first, second);
        var items = await new SnapshotStore(f.Tables).ItemsAsync((await new SnapshotStore(f.Tables).GetAsync(t, "anna", second))!);
        Assert.Equal(Names(f.Emulator.Device(phone).Contents().Select(c => $"{c.Fields["givenName"]} {c.Fields["surname"]}")),
            Names(items.Select(i => $"{i.Fields["givenName"]} {i.Fields["surname"]}")));
        Assert.Equal(Names(f.Emulator.Device(phone).Contents().Select(c => c.Id)), Names(items.Select(i => i.RemoteId)));

        var backup = (await f.GetAsync($"api/tenants/{t}/targets/anna/status")).GetProperty("backup");
        Assert.Equal(("succeeded", second), (backup.GetProperty("lastResult").GetString(), backup.GetProperty("lastSnapshot").GetProperty("snapshotId").GetString()));
        Assert.Equal(due, backup.GetProperty("nextExpectedSync").GetDateTimeOffset()); // weekly: the first one is still ahead
    }

    /// <summary>A Scheduler tick at the due time, the job on the worker's queue, and the snapshot it took.</summary>
    private async Task<string> BackupAsync(string tenantId, DateTimeOffset due)
    {
        var job = Assert.Single(await TickAsync(tenantId, due));
        Assert.Equal(JobKinds.Backup, job.Kind);
        await TestEnvironment.Storage.CreateQueueStore().PutAsync(f.Host.Settings["SYNC_JOBS_QUEUE"]!, JsonSerializer.Serialize(job, HandlerJson.Options));
        var final = await JobAsync(f.Http, tenantId, job.JobId);
        Assert.True(final.GetProperty("state").GetString() == "succeeded", final.ToString());
        var newest = (await f.GetAsync($"api/tenants/{tenantId}/targets/anna/backups"))[0].GetProperty("snapshotId").GetString()!;
        Assert.StartsWith($"succeeded: snapshot {newest} of ", final.GetProperty("result").GetString(), StringComparison.Ordinal);
        return newest;
    }
}
