namespace ContactSync.Storage;

/// <summary>Azure Queue Storage operations the app and the dev host need. Message text is passed raw; implementations
/// base64-encode it on the wire, as the Functions queue trigger expects (FACTS.md §4).</summary>
public interface IQueueStore
{
    Task CreateIfNotExistsAsync(string queue, CancellationToken ct = default);

    Task<QueueMessage> PutAsync(string queue, string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null,
        CancellationToken ct = default);

    /// <summary>Dequeues up to <paramref name="max"/> (1–32) messages, hiding them for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<QueueMessage>> GetAsync(string queue, int max, TimeSpan visibilityTimeout, CancellationToken ct = default);

    Task DeleteAsync(string queue, string messageId, string popReceipt, CancellationToken ct = default);

    /// <summary>Changes when the message becomes visible again; returns it with its new pop receipt.</summary>
    Task<QueueMessage> UpdateVisibilityAsync(string queue, QueueMessage message, TimeSpan visibilityTimeout,
        CancellationToken ct = default);
}

public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string Text,
    int DequeueCount,
    DateTimeOffset InsertionTime,
    DateTimeOffset ExpirationTime,
    DateTimeOffset NextVisibleTime);
