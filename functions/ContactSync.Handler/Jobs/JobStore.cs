using ContactSync.Handler.Options;
using ContactSync.Storage;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Jobs;

/// <summary>The jobs table. Every write after the insert is conditional on the ETag last read.</summary>
public sealed class JobStore(ITableStore tables, IOptions<JobsOptions> options)
{
    private string Table => options.Value.Table;

    public Task EnsureTableAsync(CancellationToken ct) => tables.CreateTableIfNotExistsAsync(Table, ct);

    public async Task<JobRecord?> GetAsync(string tenantId, string jobId, CancellationToken ct) =>
        await tables.GetAsync(Table, tenantId, jobId, ct) is { } e ? JobRows.ToRecord(e) : null;

    public async Task<JobRecord> InsertAsync(JobRecord job, CancellationToken ct) =>
        job with { ETag = await tables.InsertAsync(Table, JobRows.ToEntity(job), ct) };

    /// <summary>Replaces the row if nobody wrote it since <paramref name="job"/> was read; PreconditionFailed otherwise.</summary>
    public async Task<JobRecord> UpdateAsync(JobRecord job, CancellationToken ct) =>
        job with { ETag = await tables.UpdateAsync(Table, JobRows.ToEntity(job), job.ETag ?? "*", WriteMode.Replace, ct) };

    public async Task<JobRecord> UpsertAsync(JobRecord job, CancellationToken ct) =>
        job with { ETag = await tables.UpsertAsync(Table, JobRows.ToEntity(job), WriteMode.Replace, ct) };

    /// <summary>Records a running job's progress (a merge of those properties only, so it never races the state).</summary>
    public Task ReportProgressAsync(JobRecord job, JobProgress progress, CancellationToken ct) =>
        tables.UpdateAsync(Table, new TableEntity(job.TenantId, job.JobId)
        {
            ["Phase"] = progress.Phase, ["Done"] = progress.Done, ["Total"] = progress.Total,
        }, "*", WriteMode.Merge, ct);

    /// <summary>Deletes the succeeded and failed jobs that finished before <paramref name="olderThan"/>, in every partition
    /// (tenants and <c>_system</c>); queued and running jobs stay whatever their age. Each delete is conditional on the
    /// ETag read, so a job written since is left for the next pass. Returns the jobs this call removed.</summary>
    public async Task<int> PruneFinishedAsync(DateTimeOffset olderThan, CancellationToken ct)
    {
        // A job finishes after it is created, so its id (inverted creation ticks) bounds each partition's key range on the
        // server; FinishedAt decides.
        var filter = TableFilter.And(TableFilter.Gt("RowKey", JobIds.Prefix(olderThan)),
            TableFilter.Or(TableFilter.Eq("State", nameof(JobState.Succeeded)), TableFilter.Eq("State", nameof(JobState.Failed))));
        var old = new List<TableEntity>();
        await foreach (var e in tables.QueryAsync(Table, new TableQuery(filter, ["State", "CreatedAt", "FinishedAt"]), ct))
            if ((e.GetDateTime("FinishedAt") ?? e.GetDateTime("CreatedAt")) < olderThan) old.Add(e);
        return await tables.DeleteRowsAsync(Table, old, ct);
    }

    /// <summary>The newest jobs of one tenant (ids sort newest first).</summary>
    public async Task<IReadOnlyList<JobRecord>> RecentAsync(string tenantId, int count, CancellationToken ct)
    {
        var page = await tables.QueryPageAsync(Table,
            new TableQuery($"PartitionKey eq '{tenantId.Replace("'", "''")}'", Top: count), null, ct);
        return page.Entities.Take(count).Select(JobRows.ToRecord).ToList();
    }
}
