using ContactSync.Handler.Invocation;
using ContactSync.Handler.Jobs;

namespace ContactSync.Handler.Functions;

/// <summary>Queue <c>sync-jobs</c>: runs one job. An exception answers non-2xx, so the host retries or poisons.</summary>
public static class SyncWorkerFunction
{
    public const string Name = "SyncWorker";
    public const string Trigger = "message";

    public static async Task<InvocationResponse> InvokeAsync(InvocationRequest request, JobRunner runner, CancellationToken ct)
    {
        var message = TriggerValue.Read<JobMessage>(request.DataOf(Trigger), HandlerJson.Options);
        var job = await runner.RunAsync(message, request.QueueDelivery(), ct);
        return InvocationResponse.WithLogs($"job {job.TenantId}/{job.JobId} {job.State}");
    }
}
