using System.Net;
using System.Text;
using System.Text.Json;
using ContactSync.Handler.Jobs;
using ContactSync.Handler.Options;
using ContactSync.Hub.Scheduling;
using ContactSync.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace ContactSync.Handler.Tests.Backups;

/// <summary>The steps the scheduled-backup tests share: API writes, a Scheduler tick at a chosen instant over one
/// tenant's due entries, waiting for a job, and the expected local-time instants.</summary>
public static class BackupSteps
{
    public static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    /// <summary><paramref name="time"/> in Warsaw on the local day after <paramref name="utc"/>, in UTC.</summary>
    public static DateTimeOffset NextDayAt(DateTimeOffset utc, TimeOnly time)
    {
        var day = TimeZoneInfo.ConvertTime(utc, Warsaw).Date.AddDays(1).Add(time.ToTimeSpan());
        return new DateTimeOffset(day, Warsaw.GetUtcOffset(day)).ToUniversalTime();
    }

    public static async Task PutAsync(HttpClient http, string path, string json)
    {
        using var response = await http.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>One Scheduler tick at <paramref name="at"/> over this tenant's due entries: the jobs it emits (their
    /// rows in memory; the worker recreates a job's row from its message).</summary>
    public static async Task<IReadOnlyList<JobMessage>> TickAsync(string tenantId, DateTimeOffset at)
    {
        var jobsTable = new InMemoryTableStore();
        await jobsTable.CreateTableIfNotExistsAsync("jobs");
        var options = MsOptions.Create(new JobsOptions { Table = "jobs" });
        var scheduler = new JobScheduler(new JobStore(jobsTable, options), new InMemoryQueueStore(),
            new DueIndex(new TenantDueView(TestEnvironment.Storage.CreateTableStore(), tenantId)), new AtClock(at.AddSeconds(1)), options,
            MsOptions.Create(new SchedulerOptions { HeartbeatJobs = 0 }), NullLogger<JobScheduler>.Instance);
        return await scheduler.CreateDueJobsAsync(default);
    }

    /// <summary>The job once the worker finished it (its row appears when the worker picks the message up).</summary>
    public static async Task<JsonElement> JobAsync(HttpClient http, string tenantId, string jobId) =>
        (JsonElement)await TestEnvironment.EventuallyAsync(async () =>
        {
            using var response = await http.GetAsync($"api/tenants/{tenantId}/jobs/{jobId}");
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            return job.GetProperty("state").GetString() is "succeeded" or "failed" ? (object)job : null;
        }, TimeSpan.FromSeconds(60), $"backup job {jobId} finishing");

    private sealed class AtClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
