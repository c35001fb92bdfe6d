namespace ContactSync.GraphSandbox.Throttling;

/// <summary>What one mailbox has seen (over all apps). Thread-safe; read a copy with <see cref="Snapshot"/>.</summary>
public sealed class MailboxCounters
{
    long requests, writes, throttled, batches, faults;
    int inFlight, maxConcurrency;

    public void Request() => Interlocked.Increment(ref requests);
    public void Write() => Interlocked.Increment(ref writes);
    public void Throttled() => Interlocked.Increment(ref throttled);
    public void Batch() => Interlocked.Increment(ref batches);
    public void Fault() => Interlocked.Increment(ref faults);

    public void Enter()
    {
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref maxConcurrency)) && Interlocked.CompareExchange(ref maxConcurrency, now, seen) != seen) { }
    }

    public void Leave() => Interlocked.Decrement(ref inFlight);

    public CounterSnapshot Snapshot() => new(
        Interlocked.Read(ref requests), Interlocked.Read(ref writes), Interlocked.Read(ref throttled),
        Volatile.Read(ref maxConcurrency), Interlocked.Read(ref batches), Interlocked.Read(ref faults));
}

/// <summary>Counters of one mailbox: requests that reached it, successful writes, 429s, the highest number of requests
/// in flight at once, <c>$batch</c> calls that touched it, injected faults.</summary>
public sealed record CounterSnapshot(long Requests, long Writes, long Throttled, int MaxConcurrency, long Batches, long Faults);
