using ContactSync.Handler.Jobs;
using ContactSync.Handler.Options;
using ContactSync.Storage;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler;

/// <summary>Creates the jobs table and queues at start. A storage outage must not keep the handler from answering
/// (health reports it), so a failure is logged, not thrown.</summary>
public sealed class StorageBootstrap(JobStore jobs, IQueueStore queues, IOptions<JobsOptions> options,
    ILogger<StorageBootstrap> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await jobs.EnsureTableAsync(timeout.Token);
            await queues.CreateIfNotExistsAsync(options.Value.Queue, timeout.Token);
            await queues.CreateIfNotExistsAsync(options.Value.PoisonQueue, timeout.Token);
        }
        catch (Exception e) when (e is StorageException or HttpRequestException or OperationCanceledException or AggregateException /* Azure.Core gave up retrying */)
        {
            log.LogError(e, "Storage is not reachable at start; jobs table {Table} not ensured", options.Value.Table);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
