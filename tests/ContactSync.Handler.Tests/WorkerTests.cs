using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ContactSync.Handler.Jobs;

namespace ContactSync.Handler.Tests;

/// <summary>Queue triggers end to end: Azurite → dev host → handler process → jobs table.</summary>
public class WorkerTests(WorkerHostFixture fx) : IClassFixture<WorkerHostFixture>
{
    [Fact]
    public async Task A_message_on_the_queue_reaches_SyncWorker_with_its_metadata()
    {
        var message = new JobMessage(JobRecord.SystemTenant, JobIds.New(DateTimeOffset.UtcNow), JobKinds.Probe);
        var put = await fx.PutAsync(message);

        var job = await fx.JobInStateAsync(message.JobId, JobState.Succeeded);
        Assert.Equal((put.MessageId, 1), (job.MessageId, job.Attempts)); // read by the handler from Metadata
        Assert.StartsWith("storage round trip", job.Result);

        // The host records an invocation when the handler's answer comes back, which may be after the job row is written.
        var invocation = await TestEnvironment.EventuallyAsync(
            () => Task.FromResult(fx.Host.Invocations.SingleOrDefault(i => i.Function == "SyncWorker" && i.Metadata.Contains(put.MessageId))),
            TimeSpan.FromSeconds(10), "the SyncWorker invocation recorded");
        var metadata = JsonDocument.Parse(invocation.Metadata).RootElement;
        Assert.Equal(1, metadata.GetProperty("DequeueCount").GetInt32());
        Assert.Equal(put.MessageId, metadata.GetProperty("Id").GetString());
        Assert.False(string.IsNullOrEmpty(metadata.GetProperty("PopReceipt").GetString()));
        Assert.Equal(put.InsertionTime, metadata.GetProperty("InsertionTime").GetDateTimeOffset());
        Assert.Equal(put.ExpirationTime, metadata.GetProperty("ExpirationTime").GetDateTimeOffset());
        Assert.True(metadata.GetProperty("NextVisibleTime").GetDateTimeOffset() > put.InsertionTime);
        Assert.Equal("SyncWorker", metadata.GetProperty("sys").GetProperty("MethodName").GetString());
        // The trigger value is the message text JSON-encoded once more, as the host sends a string trigger value.
        var data = JsonDocument.Parse(invocation.Data).RootElement.GetProperty("message").GetString()!;
        Assert.Equal(message.JobId, JsonDocument.Parse(JsonDocument.Parse(data).RootElement.GetString()!).RootElement.GetProperty("jobId").GetString());
    }

    [Fact]
    public async Task A_job_goes_queued_running_succeeded()
    {
        var created = await fx.PostJobAsync(new { kind = "probe", durationMs = 1500 });
        Assert.Equal("queued", created.GetProperty("state").GetString());
        var id = created.GetProperty("jobId").GetString()!;

        var seen = new List<string> { "queued" }; // the worker may claim it before the first GET

        await TestEnvironment.EventuallyAsync(async () =>
        {
            var state = (await fx.Http.GetFromJsonAsync<JsonElement>($"api/diagnostics/jobs/{id}")).GetProperty("state").GetString()!;
            if (seen.Count == 0 || seen[^1] != state) seen.Add(state);
            return state == "succeeded" ? state : null;
        }, TimeSpan.FromSeconds(20), "the probe job succeeding");
        Assert.Equal(["queued", "running", "succeeded"], seen);
        var row = (await fx.JobAsync(id))!;
        Assert.True(row.StartedAt < row.FinishedAt && row.FinishedAt - row.StartedAt >= TimeSpan.FromMilliseconds(1400));
        Assert.Null(row.LeaseUntil);
    }

    [Fact]
    public async Task A_job_that_always_fails_ends_in_the_poison_queue_and_SyncPoison_records_it_failed()
    {
        var id = (await fx.PostJobAsync(new { kind = "failAlways" })).GetProperty("jobId").GetString()!;

        var job = await fx.JobInStateAsync(id, JobState.Failed, seconds: 30);
        var maxDequeueCount = fx.Host.Host.Queues.MaxDequeueCount;
        Assert.Equal(maxDequeueCount, job.Attempts);
        Assert.Equal($"failAlways probe: failing on purpose (attempt {maxDequeueCount})", job.Error);
        Assert.NotNull(job.FinishedAt);
        // The dev host records an invocation once the handler's answer is processed, a moment after the row is written.
        await TestEnvironment.EventuallyAsync(() => Task.FromResult(fx.Host.Invocations.FirstOrDefault(i => i.Function == "SyncPoison" && i.Data.Contains(id))),
            TimeSpan.FromSeconds(5), "the SyncPoison invocation being recorded");
        var attempts = fx.Host.Invocations.Where(i => i.Data.Contains(id)).ToList();
        Assert.Equal(maxDequeueCount, attempts.Count(i => i is { Function: "SyncWorker", Succeeded: false }));
        Assert.Single(attempts, i => i is { Function: "SyncPoison", Succeeded: true });
        Assert.Empty(await fx.Queues.GetAsync(fx.Queue + "-poison", 32, TimeSpan.FromSeconds(1))); // consumed by SyncPoison
    }

    [Fact]
    public async Task A_redelivered_message_of_a_finished_job_does_not_run_it_again()
    {
        var message = new JobMessage(JobRecord.SystemTenant, JobIds.New(DateTimeOffset.UtcNow), JobKinds.Probe);
        var first = await fx.PutAsync(message);
        var done = await fx.JobInStateAsync(message.JobId, JobState.Succeeded);

        var again = await fx.PutAsync(message);
        await TestEnvironment.EventuallyAsync(() => Task.FromResult(fx.Host.Invocations.FirstOrDefault(i => i.Metadata.Contains(again.MessageId) && i.Succeeded)),
            TimeSpan.FromSeconds(20), "the redelivery being handled");
        var after = (await fx.JobAsync(message.JobId))!;
        Assert.Equal((first.MessageId, done.FinishedAt, done.ETag), (after.MessageId, after.FinishedAt, after.ETag));
    }

    [Fact]
    public async Task A_running_job_whose_lease_is_stale_is_retaken()
    {
        var now = DateTimeOffset.UtcNow;
        var stale = new Storage.TableEntity(JobRecord.SystemTenant, JobIds.New(now))
        {
            ["Kind"] = JobKinds.Probe, ["State"] = nameof(JobState.Running), ["CreatedAt"] = now.AddMinutes(-20),
            ["StartedAt"] = now.AddMinutes(-15), ["LeaseUntil"] = now.AddMinutes(-10), ["Attempts"] = 1,
        };
        await fx.Tables.InsertAsync(fx.Table, stale);
        var put = await fx.PutAsync(new JobMessage(stale.PartitionKey, stale.RowKey, JobKinds.Probe));

        var job = await fx.JobInStateAsync(stale.RowKey, JobState.Succeeded);
        Assert.Equal(put.MessageId, job.MessageId);
    }

    [Fact]
    public async Task Health_shows_storage_reachable_and_recent_jobs()
    {
        var id = (await fx.PostJobAsync(new { kind = "probe" })).GetProperty("jobId").GetString()!;
        using var anonymous = new HttpClient { BaseAddress = fx.Host.BaseAddress };
        var health = await anonymous.GetFromJsonAsync<JsonElement>("api/health");
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("storage").GetProperty("reachable").GetBoolean());
        Assert.Equal(fx.Queue, health.GetProperty("queue").GetProperty("name").GetString());
        Assert.Contains(health.GetProperty("recentJobs").EnumerateArray(), j => j.GetProperty("jobId").GetString() == id);
    }

    [Fact]
    public async Task Keys_are_enforced_and_errors_are_problem_details()
    {
        using var anonymous = new HttpClient { BaseAddress = fx.Host.BaseAddress };
        using var noKey = await anonymous.PostAsync("api/graph/notifications?validationToken=abc", null);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode); // authLevel function, enforced by the host

        using var handshake = await anonymous.PostAsync("api/graph/notifications?code=dev-function-key&validationToken=a%2Bb%20c", null);
        Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
        Assert.Equal("text/plain", handshake.Content.Headers.ContentType?.MediaType);
        Assert.Equal("a+b c", await handshake.Content.ReadAsStringAsync()); // forwarded raw to the handler, decoded once

        using var noAdminKey = await anonymous.PostAsJsonAsync("api/diagnostics/jobs", new { kind = "probe" });
        Assert.Equal(HttpStatusCode.Unauthorized, noAdminKey.StatusCode);
        Assert.Equal("application/problem+json", noAdminKey.Content.Headers.ContentType?.MediaType);

        using var badKind = await fx.Http.PostAsJsonAsync("api/diagnostics/jobs", new { kind = "heartbeat" });
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Equal("application/problem+json", badKind.Content.Headers.ContentType?.MediaType);

        using var unknown = await fx.Http.GetAsync("api/tenants/acme/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }
}
