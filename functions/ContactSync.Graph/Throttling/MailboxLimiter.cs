using System.Collections.Concurrent;

namespace ContactSync.Graph.Throttling;

/// <summary>The per-mailbox limits of one app (one tenant's client): a lane per mailbox, so that a throttled or busy
/// mailbox never holds up another.</summary>
public sealed class MailboxLimiter(MailboxLimits limits, TimeProvider? clock = null)
{
    readonly ConcurrentDictionary<string, MailboxLane> lanes = new(StringComparer.OrdinalIgnoreCase);

    public MailboxLimits Limits => limits;

    /// <summary>Waits for room for <paramref name="requests"/> requests to <paramref name="mailbox"/> (a $batch counts
    /// each inner request against the budget and takes up to the concurrency cap); dispose the lease when the response
    /// is in.</summary>
    public Task<IDisposable> AcquireAsync(string mailbox, int requests, CancellationToken ct) => Lane(mailbox).AcquireAsync(requests, ct);

    /// <summary>Holds every further request to <paramref name="mailbox"/> for <paramref name="retryAfter"/> (a 429).</summary>
    public void Pause(string mailbox, TimeSpan retryAfter) => Lane(mailbox).Pause(retryAfter);

    MailboxLane Lane(string mailbox) => lanes.GetOrAdd(mailbox, _ => new MailboxLane(limits, clock ?? TimeProvider.System));
}
