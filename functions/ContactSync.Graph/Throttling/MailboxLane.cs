namespace ContactSync.Graph.Throttling;

/// <summary>
/// One mailbox's gate. Callers pass one at a time through a turnstile (first come, first served, so a batch is not
/// starved by single requests); the one at the front takes its concurrency slots, then waits until the mailbox is not
/// paused by a 429 and its request budget over the sliding window has room. Slots are held until the lease is
/// disposed. A budget entry starts to age only when its response is in: Graph counts a request when it arrives, and
/// the inner requests of a $batch arrive over the whole time the batch takes, so the send time would be too early.
/// </summary>
sealed class MailboxLane(MailboxLimits limits, TimeProvider clock)
{
    readonly SemaphoreSlim turnstile = new(1, 1);
    readonly SemaphoreSlim slots = new(limits.MaxConcurrency, limits.MaxConcurrency);
    readonly List<Entry> sent = [];
    readonly Lock gate = new();
    DateTimeOffset pausedUntil;

    public async Task<IDisposable> AcquireAsync(int requests, CancellationToken ct)
    {
        var weight = Math.Clamp(requests, 1, limits.RequestBudget);
        var width = Math.Min(weight, limits.MaxConcurrency);
        await turnstile.WaitAsync(ct);
        var held = 0;
        try
        {
            for (; held < width; held++) await slots.WaitAsync(ct);
            var entry = new Entry(weight);
            for (var wait = TryTake(entry); wait > TimeSpan.Zero; wait = TryTake(entry))
                await Task.Delay(wait, clock, ct);
            return new Lease(this, entry, width);
        }
        catch
        {
            if (held > 0) slots.Release(held);
            throw;
        }
        finally
        {
            turnstile.Release();
        }
    }

    public void Pause(TimeSpan retryAfter)
    {
        var until = clock.GetUtcNow() + retryAfter;
        lock (gate) if (until > pausedUntil) pausedUntil = until;
    }

    /// <summary>Records the entry as sent now and returns zero, or returns how long to wait.</summary>
    TimeSpan TryTake(Entry entry)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (pausedUntil > now) return pausedUntil - now;
            var window = limits.Window + limits.WindowMargin;
            sent.RemoveAll(e => e.Done is { } done && done <= now - window);
            var excess = sent.Sum(e => e.Count) + entry.Count - limits.RequestBudget;
            if (excess <= 0)
            {
                sent.Add(entry);
                return TimeSpan.Zero;
            }
            // Entries still in flight free nothing yet; wait for the earliest ones that do, or poll again shortly.
            foreach (var e in sent.Where(e => e.Done is not null).OrderBy(e => e.Done))
                if ((excess -= e.Count) <= 0) return e.Done!.Value + window - now;
            return TimeSpan.FromMilliseconds(50);
        }
    }

    void Complete(Entry entry)
    {
        lock (gate) entry.Done = clock.GetUtcNow();
    }

    sealed class Entry(int count)
    {
        public int Count { get; } = count;
        public DateTimeOffset? Done { get; set; }
    }

    sealed class Lease(MailboxLane lane, Entry entry, int width) : IDisposable
    {
        int released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) != 0) return;
            lane.Complete(entry);
            lane.slots.Release(width);
        }
    }
}
