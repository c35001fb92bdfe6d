using System.Collections.Concurrent;
using ContactSync.Hub.Subscriptions;

namespace ContactSync.Handler.Webhooks;

/// <summary>Finds the subscription a notification names and checks its clientState. Known subscriptions are cached for a
/// short while (a burst names the same few), unknown ones never are: a subscription Graph has just created may notify
/// before its record is read here again.</summary>
public sealed class SubscriptionLookup(SubscriptionStore store, TimeProvider clock)
{
    private static readonly TimeSpan Keep = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (SubscriptionRecord Record, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    /// <summary>The record when the subscription is ours and <paramref name="clientState"/> is its secret; else null.</summary>
    public async Task<SubscriptionRecord?> VerifyAsync(string? subscriptionId, string? clientState, CancellationToken ct)
    {
        if (subscriptionId is null) return null;
        var now = clock.GetUtcNow();
        SubscriptionRecord? record = _known.TryGetValue(subscriptionId, out var hit) && hit.Until > now ? hit.Record : null;
        if (record is null && (record = await store.GetAsync(subscriptionId, ct)) is not null)
            _known[subscriptionId] = (record, now + Keep);
        return record is not null && ClientStates.Matches(clientState, record.ClientStateHash) ? record : null;
    }

    public void Forget(string subscriptionId) => _known.TryRemove(subscriptionId, out _);
}
