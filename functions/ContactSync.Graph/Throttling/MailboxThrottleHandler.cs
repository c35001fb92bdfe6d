using System.Net;

namespace ContactSync.Graph.Throttling;

/// <summary>
/// The limiter in the HTTP pipeline. It sits below the SDK's retry handler, so every attempt, retries included, passes
/// the mailbox's concurrency cap and budget. A 429 pauses that mailbox's lane for the Retry-After; the SDK's retry
/// handler waits the same Retry-After and sends again, so the two agree on when, and other mailboxes go on.
/// </summary>
public sealed class MailboxThrottleHandler(MailboxLimiter limiter, TimeProvider? clock = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = MailboxRequestOption.Of(request) ?? MailboxRequestOption.FromUrl(request.RequestUri);
        if (target is null) return await base.SendAsync(request, cancellationToken);
        using var lease = await limiter.AcquireAsync(target.Mailbox, target.Requests, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        // The slot is free only when the whole answer is in, not when its headers are.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            limiter.Pause(target.Mailbox, RetryAfter(response, clock ?? TimeProvider.System) ?? limiter.Limits.DefaultRetryAfter);
        return response;
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow(),
        _ => null,
    };
}
