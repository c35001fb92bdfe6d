using ContactSync.Hub.SyncState;

namespace ContactSync.Hub.Subscriptions;

/// <summary>One Graph subscription we hold for a (tenant, target, section): the resource it watches, the hash of its
/// clientState and when Graph will drop it.</summary>
public sealed record SubscriptionRecord(string Id, SyncKey Key, string Resource, string ClientStateHash, DateTimeOffset ExpiresAt)
{
    public string? ETag { get; init; }
}
