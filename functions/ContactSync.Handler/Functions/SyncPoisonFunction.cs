using ContactSync.Handler.Invocation;
using ContactSync.Handler.Jobs;

namespace ContactSync.Handler.Functions;

/// <summary>Queue <c>sync-jobs-poison</c>: the job gave up after maxDequeueCount attempts; record it failed.</summary>
public static class SyncPoisonFunction
{
    public const string Name = "SyncPoison";
    public const string Trigger = "message";

    public static async Task<InvocationResponse> InvokeAsync(InvocationRequest request, JobRunner runner, CancellationToken ct)
    {
        var message = TriggerValue.Read<JobMessage>(request.DataOf(Trigger), HandlerJson.Options);
        var job = await runner.MarkPoisonedAsync(message, ct);
        return InvocationResponse.WithLogs($"job {job.TenantId}/{job.JobId} {job.State}: {job.Error}");
    }
}
