using System.Collections.Concurrent;

namespace ContactSync.GraphSandbox.Throttling;

/// <summary>Outlook's per (app id, mailbox) limits: a request budget over a sliding window and a concurrency cap.</summary>
public sealed class Throttler(TimeProvider clock)
{
    readonly ConcurrentDictionary<string, Lane> lanes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Admits the request or says why not and after how many seconds to retry.</summary>
    public Admission TryEnter(string appId, string mailboxId, ThrottleSettings settings)
    {
        var lane = lanes.GetOrAdd($"{appId}|{mailboxId}", _ => new Lane());
        var now = clock.GetUtcNow();
        lock (lane)
        {
            while (lane.Admitted.Count > 0 && lane.Admitted.Peek() <= now - settings.Window) lane.Admitted.Dequeue();
            if (lane.InFlight >= settings.ConcurrencyCap)
                return new Admission(false, "MailboxConcurrency", 1);
            if (lane.Admitted.Count >= settings.RequestBudget)
            {
                var free = lane.Admitted.Peek() + settings.Window - now;
                return new Admission(false, "MailboxRequests", Math.Max(1, (int)Math.Ceiling(free.TotalSeconds)));
            }
            lane.Admitted.Enqueue(now);
            lane.InFlight++;
            return new Admission(true, null, 0);
        }
    }

    public void Leave(string appId, string mailboxId)
    {
        if (!lanes.TryGetValue($"{appId}|{mailboxId}", out var lane)) return;
        lock (lane) lane.InFlight--;
    }

    public void Clear() => lanes.Clear();

    sealed class Lane
    {
        public Queue<DateTimeOffset> Admitted { get; } = new();
        public int InFlight { get; set; }
    }
}

/// <summary>Admitted, or refused with the limit that was hit and the Retry-After seconds.</summary>
public sealed record Admission(bool Admitted, string? Limit, int RetryAfterSeconds);
