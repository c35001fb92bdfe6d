using ContactSync.Engine.Sync;
using ContactSync.Handler.Jobs;
using ContactSync.Handler.Sync;
using ContactSync.Hub.Subscriptions;
using ContactSync.Hub.SyncState;
using ContactSync.Storage;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Webhooks;

/// <summary>
/// The <c>notified</c> job: when its coalescing window ends it closes the window, takes every id named since, and runs a
/// partial sync of those remote ids (a delta sync when there are more than <see cref="WebhookSettings.MaxPartialIds"/>).
/// Echo suppression (M25): when every named id carries the etag our own last write left (the status row's remote
/// version), the notification is the echo of that write and the job ends without reading Graph. The engine would plan
/// nothing for it anyway (same version, same content); this only saves the reads.
/// </summary>
public sealed class NotifiedSync(PendingChanges pending, SyncRunner sync, ITableStore tables, IOptions<WebhookSettings> settings,
    ILogger<NotifiedSync> log)
{
    public const string Kind = "notified";

    public async Task<string> RunAsync(JobRecord job, CancellationToken ct)
    {
        if (job.TargetId is null || job.Section is null) throw new JobFailedException($"Notified job {job.JobId} names no target section.");
        var key = new SyncKey(job.TenantId, job.TargetId, job.Section);
        await pending.CloseWindowAsync(key, job.JobId, ct);
        var changes = await pending.ReadAsync(key, ct);
        if (changes.Count == 0) return "nothing pending (an earlier job took these ids)";
        if (await IsEchoAsync(key, changes, ct))
        {
            await pending.CompleteAsync(key, changes, ct);
            log.LogInformation("Notified {Key}: {Count} id(s) are echoes of our own writes; no sync", key, changes.Count);
            return $"echo: {changes.Count} id(s) already at the version we wrote";
        }
        var ids = changes.Select(c => c.RemoteId).ToList();
        var result = ids.Count > settings.Value.MaxPartialIds
            ? "delta sync: " + await sync.RunAsync(job, ct)
            : $"partial sync of {ids.Count} id(s): " + await sync.RunAsync(job, ct, new PartialIds([], ids));
        await pending.CompleteAsync(key, changes, ct);
        return result;
    }

    private async Task<bool> IsEchoAsync(SyncKey key, IReadOnlyList<PendingChange> changes, CancellationToken ct)
    {
        if (changes.Any(c => c.RemoteVersion is null)) return false;
        var versions = (await new TableStatusStore(tables, key).LoadAsync(ct)).Where(r => !r.IsUnlinked)
            .ToDictionary(r => r.RemoteId, r => r.RemoteVersion, StringComparer.Ordinal);
        return changes.All(c => versions.TryGetValue(c.RemoteId, out var v) && v == c.RemoteVersion);
    }
}
