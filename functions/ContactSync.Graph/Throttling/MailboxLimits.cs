namespace ContactSync.Graph.Throttling;

/// <summary>Outlook's per (app, mailbox) limits (FACTS.md §5.7): at most <see cref="MaxConcurrency"/> requests in
/// flight and <see cref="RequestBudget"/> requests per <see cref="Window"/>. The limiter keeps its own count over a
/// window longer by <see cref="WindowMargin"/>, so clock skew and jitter between send and arrival cannot tip Graph's
/// count over the budget.</summary>
public sealed record MailboxLimits
{
    public int MaxConcurrency { get; init; } = 4;
    public int RequestBudget { get; init; } = 10_000;
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan WindowMargin { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>The pause after a 429 that carries no Retry-After.</summary>
    public TimeSpan DefaultRetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    public static MailboxLimits Graph { get; } = new();

    /// <summary>The steady-state ceiling these limits allow, in requests per second.</summary>
    public double CeilingPerSecond => RequestBudget / Window.TotalSeconds;
}
