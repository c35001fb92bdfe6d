using ContactSync.Handler.Jobs;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.SyncState;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Maintenance;

/// <summary>Keeps the hub's growing tables bounded: per tenant the contacts' change feed and the run records, then the
/// finished jobs of the whole jobs table (tenants and <c>_system</c>). Every delete tolerates a row another pass removed
/// first, so overlapping passes both finish. A tenant that fails is logged and named in the summary; the others go on.</summary>
public sealed class HubMaintenance(TenantStore tenants, ITableStore tables, RunStore runs, JobStore jobs,
    IOptions<MaintenanceSettings> settings, TimeProvider clock, ILogger<HubMaintenance> log)
{
    public const string JobsPart = "jobs";

    public async Task<MaintenanceSummary> RunAsync(CancellationToken ct)
    {
        var s = settings.Value;
        var now = clock.GetUtcNow();
        int changes = 0, runRows = 0, jobRows = 0;
        var failed = new List<string>();
        var all = await tenants.ListAsync(ct);
        foreach (var tenant in all)
        {
            try
            {
                changes += await new TableHubContactStore(tables, tenant.Id).PruneChangesAsync(now.AddDays(-s.ChangeFeedDays), ct);
                runRows += await runs.PruneAsync(tenant.Id, now.AddDays(-s.RunDays), s.KeepRuns, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Maintenance of tenant {TenantId} failed; the other tenants go on", tenant.Id);
                failed.Add(tenant.Id);
            }
        }
        try
        {
            jobRows = await jobs.PruneFinishedAsync(now.AddDays(-s.JobDays), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Pruning the finished jobs failed");
            failed.Add(JobsPart);
        }
        return new MaintenanceSummary(all.Count, changes, runRows, jobRows, failed);
    }
}
