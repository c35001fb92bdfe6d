using ContactSync.Handler.Invocation;
using ContactSync.Handler.Options;
using ContactSync.Storage;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Jobs;

/// <summary>Creates job rows (state queued) and their messages: the Scheduler's due jobs, and on-demand probes.</summary>
public sealed class JobScheduler(JobStore store, IQueueStore queues, TimeProvider clock, IOptions<JobsOptions> jobs,
    IOptions<SchedulerOptions> scheduler)
{
    /// <summary>The rows are written first; the caller hands the messages to the queue output binding.</summary>
    public async Task<IReadOnlyList<JobMessage>> CreateDueJobsAsync(CancellationToken ct)
    {
        var messages = new List<JobMessage>();
        for (var i = 0; i < scheduler.Value.HeartbeatJobs; i++)
            messages.Add((await CreateRowAsync(JobKinds.Heartbeat, 0, ct)).ToMessage());
        return messages;
    }

    /// <summary>An on-demand job, enqueued directly (HTTP-forwarded functions have no output bindings).</summary>
    public async Task<JobRecord> EnqueueAsync(string kind, int durationMs, CancellationToken ct)
    {
        var job = await CreateRowAsync(kind, durationMs, ct);
        await queues.PutAsync(jobs.Value.Queue, System.Text.Json.JsonSerializer.Serialize(job.ToMessage(), HandlerJson.Options), ct: ct);
        return job;
    }

    private Task<JobRecord> CreateRowAsync(string kind, int durationMs, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return store.InsertAsync(new JobRecord(JobRecord.SystemTenant, JobIds.New(now), kind, JobState.Queued, now, durationMs), ct);
    }
}
