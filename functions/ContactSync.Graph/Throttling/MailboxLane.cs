namespace ContactSync.Graph.Throttling;

/// <summary>
/// One mailbox's gate. Callers pass one at a time through a turnstile (first come, first served, so a batch is not
/// starved by single requests); the one at the front takes its concurrency slots, then waits until the mailbox is not
/// paused by a 429 and its request budget over the sliding window has room. Slots are held until the lease is
/// disposed; budget entries age out of the window.
/// </summary>
sealed class MailboxLane(MailboxLimits limits, TimeProvider clock)
{
    readonly SemaphoreSlim turnstile = new(1, 1);
    readonly SemaphoreSlim slots = new(limits.MaxConcurrency, limits.MaxConcurrency);
    readonly Queue<(DateTimeOffset At, int Count)> sent = new();
    readonly Lock gate = new();
    int inWindow;
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
            for (var wait = TryTake(weight); wait > TimeSpan.Zero; wait = TryTake(weight))
                await Task.Delay(wait, clock, ct);
            return new Lease(slots, width);
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

    /// <summary>Records <paramref name="weight"/> requests as sent now and returns zero, or returns how long to wait.</summary>
    TimeSpan TryTake(int weight)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (pausedUntil > now) return pausedUntil - now;
            var window = limits.Window + limits.WindowMargin;
            while (sent.TryPeek(out var oldest) && oldest.At <= now - window) inWindow -= sent.Dequeue().Count;
            if (inWindow + weight <= limits.RequestBudget)
            {
                sent.Enqueue((now, weight));
                inWindow += weight;
                return TimeSpan.Zero;
            }
            var excess = inWindow + weight - limits.RequestBudget;
            foreach (var (at, count) in sent)
                if ((excess -= count) <= 0) return at + window - now;
            return window;
        }
    }

    sealed class Lease(SemaphoreSlim slots, int width) : IDisposable
    {
        int released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) slots.Release(width);
        }
    }
}
