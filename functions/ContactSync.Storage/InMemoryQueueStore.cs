namespace ContactSync.Storage;

/// <summary>A Queue store in memory with the service's rules: names, sizes and ranges checked like the HTTP client,
/// messages hidden for their visibility timeout, dequeue counts, expiry (TTL, or never for a negative TTL), pop
/// receipts that change on every get and update and must match to delete or update. Time comes from a TimeProvider.</summary>
public sealed class InMemoryQueueStore(TimeProvider? time = null) : IQueueStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<QueueMessage>> _queues = new(StringComparer.Ordinal);

    public Task CreateIfNotExistsAsync(string queue, CancellationToken ct = default)
    {
        QueueRules.CheckName(queue);
        lock (_gate) _queues.TryAdd(queue, []);
        return Task.CompletedTask;
    }

    public Task<QueueMessage> PutAsync(string queue, string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null,
        CancellationToken ct = default)
    {
        QueueRules.CheckName(queue);
        QueueRules.Encode(text);
        var ttl = QueueRules.TtlSeconds(timeToLive);
        var delay = QueueRules.DelaySeconds(visibilityDelay, ttl);
        var now = _time.GetUtcNow();
        var message = new QueueMessage(Guid.NewGuid().ToString("D"), NewReceipt(), text, 0, now,
            ttl == -1 ? QueueRules.NeverExpires : now.AddSeconds(ttl), now.AddSeconds(delay));
        lock (_gate) Messages(queue).Add(message);
        return Task.FromResult(message);
    }

    public Task<IReadOnlyList<QueueMessage>> GetAsync(string queue, int max, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        QueueRules.CheckName(queue);
        QueueRules.CheckCount(max);
        var seconds = QueueRules.Seconds(visibilityTimeout, TimeSpan.FromSeconds(1), "visibility timeout");
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var messages = Messages(queue);
            messages.RemoveAll(m => m.ExpirationTime <= now);
            var taken = new List<QueueMessage>();
            for (var i = 0; i < messages.Count && taken.Count < max; i++)
            {
                if (messages[i].NextVisibleTime > now) continue;
                messages[i] = messages[i] with
                {
                    PopReceipt = NewReceipt(),
                    DequeueCount = messages[i].DequeueCount + 1,
                    NextVisibleTime = now.AddSeconds(seconds),
                };
                taken.Add(messages[i]);
            }
            return Task.FromResult<IReadOnlyList<QueueMessage>>(taken);
        }
    }

    public Task DeleteAsync(string queue, string messageId, string popReceipt, CancellationToken ct = default)
    {
        QueueRules.CheckName(queue);
        lock (_gate)
        {
            var messages = Messages(queue);
            messages.RemoveAt(IndexOf(queue, messages, messageId, popReceipt));
        }
        return Task.CompletedTask;
    }

    public Task<QueueMessage> UpdateVisibilityAsync(string queue, QueueMessage message, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        QueueRules.CheckName(queue);
        var seconds = QueueRules.Seconds(visibilityTimeout, TimeSpan.Zero, "visibility timeout");
        lock (_gate)
        {
            var messages = Messages(queue);
            var i = IndexOf(queue, messages, message.MessageId, message.PopReceipt);
            messages[i] = messages[i] with { PopReceipt = NewReceipt(), NextVisibleTime = _time.GetUtcNow().AddSeconds(seconds) };
            return Task.FromResult(message with { PopReceipt = messages[i].PopReceipt, NextVisibleTime = messages[i].NextVisibleTime });
        }
    }

    /// <summary>Messages still in the queue, visible or not (for assertions in tests).</summary>
    public IReadOnlyList<QueueMessage> Snapshot(string queue)
    {
        lock (_gate) return Messages(queue).Where(m => m.ExpirationTime > _time.GetUtcNow()).ToList();
    }

    private int IndexOf(string queue, List<QueueMessage> messages, string messageId, string popReceipt)
    {
        var now = _time.GetUtcNow();
        var i = messages.FindIndex(m => m.MessageId == messageId && m.ExpirationTime > now);
        if (i < 0)
            throw new StorageException(StorageErrorKind.NotFound, 404, "MessageNotFound", $"Message {messageId} is not in queue {queue}.");
        if (messages[i].PopReceipt != popReceipt)
            throw new StorageException(StorageErrorKind.BadRequest, 400, "PopReceiptMismatch",
                $"The pop receipt for message {messageId} in queue {queue} is not the latest one.");
        return i;
    }

    private List<QueueMessage> Messages(string queue) =>
        _queues.TryGetValue(queue, out var messages) ? messages
            : throw new StorageException(StorageErrorKind.NotFound, 404, "QueueNotFound", $"The queue {queue} does not exist.");

    private static string NewReceipt() => Convert.ToBase64String(Guid.NewGuid().ToByteArray());
}
