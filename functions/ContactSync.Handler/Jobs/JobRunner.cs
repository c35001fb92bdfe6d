using ContactSync.Handler.Options;
using ContactSync.Storage;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Jobs;

/// <summary>Runs one delivery of a job message: claim the row (queued → running), do the work, record the outcome.
/// Idempotent under redelivery: a finished job is not run again; a running one is left alone until its lease expires.</summary>
public sealed class JobRunner(JobStore store, JobWork work, IQueueStore queues, TimeProvider clock, IOptions<JobsOptions> options,
    ILogger<JobRunner> log)
{
    public async Task<JobRecord> RunAsync(JobMessage message, Delivery delivery, CancellationToken ct)
    {
        var job = await ClaimAsync(message, delivery, ct);
        if (job.IsFinished)
        {
            log.LogInformation("Job {TenantId}/{JobId} already {State}; delivery {MessageId} skipped", job.TenantId, job.JobId, job.State, delivery.MessageId);
            return job;
        }
        log.LogInformation("Job {TenantId}/{JobId} ({Kind}) running, attempt {Attempt}", job.TenantId, job.JobId, job.Kind, delivery.DequeueCount);
        string result;
        try
        {
            result = await work.ExecuteAsync(job, delivery, ct);
        }
        catch (JobDeferredException deferred)
        {
            // Another job holds this target: this one waits its turn as a new message (the current one completes).
            log.LogInformation("Job {TenantId}/{JobId} deferred by {Delay}: {Reason}", job.TenantId, job.JobId, deferred.Delay, deferred.Message);
            await queues.PutAsync(options.Value.Queue, System.Text.Json.JsonSerializer.Serialize(job.ToMessage(), Invocation.HandlerJson.Options),
                deferred.Delay, ct: ct);
            return await store.UpdateAsync(await FreshAsync(job, ct) with { State = JobState.Queued, LeaseUntil = null, Result = deferred.Message }, ct);
        }
        catch (JobFailedException failed)
        {
            // Retrying cannot help (no e-mail address, the target is gone): fail now rather than after every retry.
            log.LogWarning("Job {TenantId}/{JobId} failed: {Error}", job.TenantId, job.JobId, failed.Message);
            return await store.UpdateAsync(await FreshAsync(job, ct) with
            {
                State = JobState.Failed, FinishedAt = clock.GetUtcNow(), LeaseUntil = null, Error = failed.Message,
            }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Job {TenantId}/{JobId} attempt {Attempt} failed: {Error}", job.TenantId, job.JobId, delivery.DequeueCount, ex.Message);
            // Back to queued with the error kept: the message returns after the visibility timeout, or SyncPoison ends it.
            await TryUpdateAsync(await FreshAsync(job, ct) with { State = JobState.Queued, LeaseUntil = null, Error = ex.Message }, ct);
            throw;
        }
        var done = await store.UpdateAsync(await FreshAsync(job, ct) with
        {
            State = JobState.Succeeded, FinishedAt = clock.GetUtcNow(), LeaseUntil = null, Error = null, Result = result,
        }, ct);
        log.LogInformation("Job {TenantId}/{JobId} succeeded: {Result}", done.TenantId, done.JobId, result);
        return done;
    }

    /// <summary>SyncPoison: the message gave up. The job becomes failed with the last error it recorded.</summary>
    public async Task<JobRecord> MarkPoisonedAsync(JobMessage message, CancellationToken ct)
    {
        var job = await store.GetAsync(message.TenantId, message.JobId, ct);
        if (job is { State: JobState.Succeeded }) return job;
        var failed = (job ?? NewRow(message, JobState.Failed)) with
        {
            State = JobState.Failed, LeaseUntil = null, FinishedAt = clock.GetUtcNow(),
            Error = job?.Error ?? "the message reached the poison queue before any attempt recorded an error",
        };
        log.LogError("Job {TenantId}/{JobId} failed after {Attempts} attempts: {Error}", failed.TenantId, failed.JobId, failed.Attempts, failed.Error);
        return await store.UpsertAsync(failed, ct);
    }

    private async Task<JobRecord> ClaimAsync(JobMessage message, Delivery delivery, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var job = await store.GetAsync(message.TenantId, message.JobId, ct);
            if (job is { IsFinished: true }) return job;
            if (job is { State: JobState.Running } && job.LeaseUntil > now)
                throw new JobBusyException($"job {job.JobId} is running under another delivery until {job.LeaseUntil:O}");
            var claimed = (job ?? NewRow(message, JobState.Running)) with
            {
                State = JobState.Running, StartedAt = now, LeaseUntil = now + options.Value.Lease,
                Attempts = delivery.DequeueCount, MessageId = delivery.MessageId,
            };
            try
            {
                return job is null ? await store.InsertAsync(claimed, ct) : await store.UpdateAsync(claimed, ct);
            }
            catch (StorageException e) when (attempt < 3 && e.Kind is StorageErrorKind.Conflict or StorageErrorKind.PreconditionFailed)
            {
                // Another delivery wrote the row between our read and write: read again.
            }
        }
    }

    /// <summary>The row as it is now when this delivery still holds it (the work may have written progress to it since
    /// the claim), so the final write keeps the progress and is conditional on the latest ETag.</summary>
    private async Task<JobRecord> FreshAsync(JobRecord job, CancellationToken ct) =>
        await store.GetAsync(job.TenantId, job.JobId, ct) is { } now && now.MessageId == job.MessageId && now.State == JobState.Running
            ? now : job;

    private async Task TryUpdateAsync(JobRecord job, CancellationToken ct)
    {
        try { await store.UpdateAsync(job, ct); }
        catch (StorageException e) when (e.Kind is StorageErrorKind.PreconditionFailed or StorageErrorKind.NotFound)
        {
            log.LogWarning("Job {TenantId}/{JobId} changed under us; its error was not recorded", job.TenantId, job.JobId);
        }
    }

    private JobRecord NewRow(JobMessage m, JobState state) =>
        new(m.TenantId, m.JobId, m.Kind, state, clock.GetUtcNow(), m.DurationMs, TargetId: m.TargetId, Section: m.Section, Input: m.Input);
}

/// <summary>The work cannot run yet (its target is leased by another job): re-queue it after <see cref="Delay"/>.</summary>
public sealed class JobDeferredException(string message, TimeSpan delay) : Exception(message)
{
    public TimeSpan Delay { get; } = delay;
}

/// <summary>The work failed for a reason a retry cannot fix: the job fails at once, without going through poison.</summary>
public sealed class JobFailedException(string message) : Exception(message);

/// <summary>The job is held by a live delivery; this one fails and comes back later (a 409 to the host).</summary>
public sealed class JobBusyException(string message) : Exception(message);
