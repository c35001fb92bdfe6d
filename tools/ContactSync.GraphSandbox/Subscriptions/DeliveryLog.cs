using System.Collections.Concurrent;

namespace ContactSync.GraphSandbox.Subscriptions;

/// <summary>Every outbound POST the sandbox made: validation handshakes, change notifications and lifecycle events.</summary>
public sealed class DeliveryLog
{
    readonly ConcurrentQueue<DeliveryRecord> records = new();

    public void Add(DeliveryRecord record) => records.Enqueue(record);

    public IReadOnlyList<DeliveryRecord> All => records.ToArray();

    public void Clear() => records.Clear();
}

/// <summary>One attempt: <paramref name="Kind"/> is validation, notification or lifecycle; <paramref name="Status"/> is null when
/// the endpoint did not answer in time (or at all).</summary>
public sealed record DeliveryRecord(
    DateTimeOffset At, string Kind, string Url, IReadOnlyList<string> SubscriptionIds, int Items, int Attempt,
    int? Status, double LatencyMs, bool Succeeded, string? Error);
