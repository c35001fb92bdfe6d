namespace ContactSync.Engine.Ports;

/// <summary>A per-item failure reported by a store. <see cref="RemoteMessage"/> keeps the remote system's own text
/// (M17), shown to the user as it was.</summary>
public class ItemStoreException(string message, string? itemId = null, string? remoteMessage = null) : Exception(message)
{
    public string? ItemId { get; } = itemId;
    public string? RemoteMessage { get; } = remoteMessage;
}

/// <summary>The item changed since the version the write was conditional on (HTTP 412).</summary>
public sealed class VersionMismatchException(string itemId, string expected, string? actual, string? remoteMessage = null)
    : ItemStoreException($"Item {itemId} is at version {actual ?? "?"}, not {expected}", itemId, remoteMessage)
{
    public string Expected { get; } = expected;
    public string? Actual { get; } = actual;
}

/// <summary>The item does not exist (HTTP 404).</summary>
public sealed class ItemNotFoundException(string itemId, string? remoteMessage = null)
    : ItemStoreException($"Item {itemId} was not found", itemId, remoteMessage);

/// <summary>The store refuses writes.</summary>
public sealed class ReadOnlyStoreException(string store)
    : ItemStoreException($"Store {store} is read-only");

/// <summary>The remote refused the item itself (a value beyond its limits, a malformed field: HTTP 400).</summary>
public sealed class ItemRejectedException(string? itemId, string remoteMessage)
    : ItemStoreException($"Item {itemId ?? "(new)"} was rejected", itemId, remoteMessage);
