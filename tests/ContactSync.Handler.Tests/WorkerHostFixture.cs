using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using ContactSync.Handler.Invocation;
using ContactSync.Handler.Jobs;
using ContactSync.Storage;

namespace ContactSync.Handler.Tests;

/// <summary>The real handler process driven by the real dev host, the queue functions and the HTTP functions (no timers),
/// on a queue and table of its own in the test Azurite.</summary>
public sealed class WorkerHostFixture : IAsyncLifetime
{
    public const string AdminKey = "test-admin-key";
    public string Queue { get; } = TestEnvironment.UniqueName("w") + "-jobs";
    public string Table { get; } = TestEnvironment.UniqueName("w") + "jobs";
    public ITableStore Tables { get; } = TestEnvironment.Storage.CreateTableStore();
    public IQueueStore Queues { get; } = TestEnvironment.Storage.CreateQueueStore();
    public ConcurrentQueue<string> Log { get; } = new();
    public DevHost.DevHost Host { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = TestEnvironment.DevHost(new Dictionary<string, string>
        {
            ["SYNC_JOBS_QUEUE"] = Queue, ["Jobs__Table"] = Table, ["ContactSync__AdminKey"] = AdminKey,
            ["Jobs__Lease"] = "00:00:30",
        }, Log.Enqueue) with
        {
            Functions = new HashSet<string> { "SyncWorker", "SyncPoison", "Health", "Diagnostics", "GraphNotifications", "ManagementApi" },
        };
        Host = await DevHost.DevHost.StartAsync(options);
        Http = new HttpClient { BaseAddress = Host.BaseAddress };
        Http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }

    public async Task<JobRecord?> JobAsync(string jobId) =>
        await Tables.GetAsync(Table, JobRecord.SystemTenant, jobId) is { } e
            ? new JobRecord(e.PartitionKey, e.RowKey, e.GetString("Kind")!, Enum.Parse<JobState>(e.GetString("State")!),
                e.GetDateTime("CreatedAt")!.Value, 0, e.GetDateTime("StartedAt"), e.GetDateTime("FinishedAt"), e.GetDateTime("LeaseUntil"),
                e.GetInt32("Attempts") ?? 0, e.GetString("MessageId"), e.GetString("Error"), e.GetString("Result"), e.ETag)
            : null;

    public Task<JobRecord> JobInStateAsync(string jobId, JobState state, int seconds = 20) =>
        TestEnvironment.EventuallyAsync(async () => await JobAsync(jobId) is { } j && j.State == state ? j : null,
            TimeSpan.FromSeconds(seconds), $"job {jobId} reaching {state}");

    public Task<QueueMessage> PutAsync(JobMessage message) =>
        Queues.PutAsync(Queue, JsonSerializer.Serialize(message, HandlerJson.Options));

    public async Task<JsonElement> PostJobAsync(object body)
    {
        using var response = await Http.PostAsJsonAsync("api/diagnostics/jobs", body);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/diagnostics/jobs/{job.GetProperty("jobId").GetString()}", response.Headers.Location?.ToString());
        return job;
    }
}
