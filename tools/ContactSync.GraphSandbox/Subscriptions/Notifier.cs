using System.Text.Json.Nodes;
using ContactSync.GraphSandbox.Graph;
using ContactSync.GraphSandbox.State;

namespace ContactSync.GraphSandbox.Subscriptions;

/// <summary>Turns contact changes into change notifications and POSTs them in the background: whatever is waiting for the
/// same notificationUrl goes in one POST (see <see cref="NotificationSender"/> for retries).</summary>
public sealed class Notifier(SandboxState state, ChangeFeed feed, NotificationSender sender) : BackgroundService
{
    const int MaxPerPost = 100;

    CancellationToken stopping;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        stopping = stop;
        var reader = feed.Reader;
        while (await reader.WaitToReadAsync(stop))
        {
            // Let a burst gather so that it goes out as one POST, as Graph batches notifications.
            await Task.Delay(state.Options.NotificationBatchWindow, stop);
            var notifications = new List<(Subscription Subscription, JsonObject Item)>();
            while (reader.TryRead(out var change)) notifications.AddRange(Match(change));
            foreach (var group in notifications.GroupBy(n => n.Subscription.NotificationUrl))
            {
                foreach (var chunk in group.Chunk(MaxPerPost))
                {
                    var payload = new JsonObject { ["value"] = new JsonArray(chunk.Select(n => (JsonNode)n.Item).ToArray()) };
                    _ = sender.SendAsync("notification", group.Key, payload, chunk.Select(n => n.Subscription.Id).Distinct().ToList(), chunk.Length, stop);
                }
            }
        }
    }

    /// <summary>Sends a lifecycle event (reauthorizationRequired, subscriptionRemoved, missed) to the lifecycle URL.</summary>
    public void Lifecycle(Subscription subscription, string lifecycleEvent)
    {
        var item = new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = Subscription.Format(subscription.Expiration),
            ["tenantId"] = subscription.TenantId,
            ["clientState"] = subscription.ClientState,
            ["lifecycleEvent"] = lifecycleEvent,
        };
        var payload = new JsonObject { ["value"] = new JsonArray(item) };
        _ = sender.SendAsync("lifecycle", subscription.LifecycleNotificationUrl!, payload, [subscription.Id], 1, stopping);
    }

    IEnumerable<(Subscription, JsonObject)> Match(ContactChange change)
    {
        List<Subscription> matching;
        lock (state.Gate)
            matching = state.Subscriptions.Values.Where(s => s.Expiration > state.Now && s.UserId == change.UserId
                && (s.FolderId is null || s.FolderId == change.FolderId) && s.ChangeTypes.Contains(change.ChangeType)).ToList();
        foreach (var s in matching)
        {
            var path = $"Users/{change.UserId}/Contacts/{change.ContactId}";
            var item = new JsonObject
            {
                ["subscriptionId"] = s.Id,
                ["subscriptionExpirationDateTime"] = Subscription.Format(s.Expiration),
                ["changeType"] = change.ChangeType,
                ["resource"] = path,
                ["resourceData"] = new JsonObject
                {
                    ["@odata.type"] = "#Microsoft.Graph.Contact",
                    ["@odata.id"] = path,
                    ["@odata.etag"] = change.ETag,
                    ["id"] = change.ContactId,
                },
                ["clientState"] = s.ClientState,
                ["tenantId"] = change.TenantId,
            };
            if (!Hold(s, item)) yield return (s, item);
        }
    }

    /// <summary>Graph pauses delivery while a reauthorizationRequired event is unanswered.</summary>
    bool Hold(Subscription subscription, JsonObject item)
    {
        if (!subscription.ReauthorizationPending) return false;
        lock (state.Gate)
        {
            if (!state.HeldNotifications.TryGetValue(subscription.Id, out var held)) state.HeldNotifications[subscription.Id] = held = [];
            held.Add(item);
        }
        return true;
    }

    /// <summary>Clears a pending reauthorization (reauthorize or renewal) and sends what was held.</summary>
    public void Reauthorized(string subscriptionId)
    {
        Subscription? subscription;
        List<JsonObject>? held;
        lock (state.Gate)
        {
            if (!state.Subscriptions.TryGetValue(subscriptionId, out subscription)) return;
            state.Subscriptions[subscriptionId] = subscription = subscription with { ReauthorizationPending = false };
            state.HeldNotifications.Remove(subscriptionId, out held);
        }
        foreach (var chunk in (held ?? []).Chunk(MaxPerPost))
            _ = sender.SendAsync("notification", subscription.NotificationUrl, new JsonObject { ["value"] = new JsonArray(chunk.Select(i => (JsonNode)i).ToArray()) },
                [subscription.Id], chunk.Length, stopping);
    }
}
