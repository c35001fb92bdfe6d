using System.Text.Json;
using ContactSync.Handler.Invocation;
using ContactSync.Handler.Jobs;
using ContactSync.Handler.Options;
using ContactSync.Hub.Subscriptions;
using ContactSync.Hub.SyncState;
using ContactSync.Storage;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Webhooks;

/// <summary>What one notification POST came to: items kept, items dropped as invalid, jobs opened.</summary>
public sealed record IntakeResult(int Accepted, int Dropped, int JobsOpened);

/// <summary>
/// The webhook's only work on the request path (M24): verify each item (our subscription, its clientState), persist the
/// named ids per target in <see cref="PendingChanges"/>, and open a coalescing window: the first notification of a window
/// creates one <c>notified</c> job whose message becomes visible when the window ends. No Graph call, no sync here.
/// </summary>
public sealed class NotificationIntake(SubscriptionLookup subscriptions, PendingChanges pending, JobStore jobs, IQueueStore queues,
    IOptions<JobsOptions> jobOptions, IOptions<WebhookSettings> settings, TimeProvider clock, ILogger<NotificationIntake> log)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SyncKey, DateTimeOffset> _openUntil = new();

    public async Task<IntakeResult> AcceptAsync(IReadOnlyList<ChangeNotification> items, CancellationToken ct)
    {
        var byKey = new Dictionary<SyncKey, List<PendingChange>>();
        var dropped = 0;
        foreach (var item in items)
        {
            var record = await subscriptions.VerifyAsync(item.SubscriptionId, item.ClientState, ct);
            if (record is null || item.ResourceId is null)
            {
                dropped++;
                log.LogWarning("Dropped a notification for subscription {SubscriptionId}: unknown subscription, wrong clientState or no resource id",
                    item.SubscriptionId);
                continue;
            }
            var etag = item.ChangeType == "deleted" ? null : item.ETag;
            (byKey.TryGetValue(record.Key, out var list) ? list : byKey[record.Key] = []).Add(new PendingChange(item.ResourceId, etag));
        }
        var opened = await Task.WhenAll(byKey.Select(async kv =>
        {
            await pending.AddAsync(kv.Key, kv.Value, ct);
            return await OpenWindowAsync(kv.Key, ct);
        }));
        return new IntakeResult(items.Count - dropped, dropped, opened.Count(o => o));
    }

    private async Task<bool> OpenWindowAsync(SyncKey key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var window = settings.Value.CoalesceWindow;
        // Within the first half of a window this instance saw open, its job cannot have started (its message is hidden
        // until the window ends), so the ids just written will be read by it: no marker round trip needed.
        if (_openUntil.TryGetValue(key, out var until) && now < until) return false;
        var jobId = JobIds.New(now);
        var (opened, openedAt) = await pending.TryOpenWindowAsync(key, jobId, now, window + TimeSpan.FromMinutes(1), ct);
        _openUntil[key] = openedAt + window / 2;
        if (!opened) return false;
        try
        {
            var job = await jobs.InsertAsync(new JobRecord(key.TenantId, jobId, NotifiedSync.Kind, JobState.Queued, now,
                TargetId: key.TargetId, Section: key.Section), ct);
            await queues.PutAsync(jobOptions.Value.Queue, JsonSerializer.Serialize(job.ToMessage(), HandlerJson.Options), window, ct: ct);
            return true;
        }
        catch
        {
            // Not enqueued: the next notification must be able to open the window again (the caller answers 5xx).
            _openUntil.TryRemove(key, out _);
            await pending.CloseWindowAsync(key, jobId, CancellationToken.None);
            throw;
        }
    }
}
