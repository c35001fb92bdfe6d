using ContactSync.Hub;
using ContactSync.Storage;

namespace ContactSync.Handler.Sync;

/// <summary>Creates the hub's tables at start (infra creates them in Azure; Azurite starts empty). A storage outage is
/// logged, not thrown: health reports it.</summary>
public sealed class HubTablesBootstrap(ITableStore tables, ILogger<HubTablesBootstrap> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await Task.WhenAll(HubTables.All.Select(t => tables.CreateTableIfNotExistsAsync(t, timeout.Token)));
        }
        catch (Exception e) when (e is StorageException or HttpRequestException or OperationCanceledException or AggregateException /* Azure.Core gave up retrying */)
        {
            log.LogError(e, "Storage is not reachable at start; hub tables not ensured");
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
