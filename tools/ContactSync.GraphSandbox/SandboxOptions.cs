namespace ContactSync.GraphSandbox;

/// <summary>Sandbox-wide settings; the defaults are Graph's documented values (FACTS.md §5.7, §6).</summary>
public sealed record SandboxOptions
{
    public ThrottleSettings Throttling { get; init; } = new();
    /// <summary>Page size when the client sends no <c>Prefer: odata.maxpagesize</c> (Graph pages contacts by 10).</summary>
    public int DefaultPageSize { get; init; } = 10;
    public int MaxPageSize { get; init; } = 1000;
    public TimeSpan DeltaTokenLifetime { get; init; } = TimeSpan.FromDays(7);
    public TimeSpan MaxSubscriptionLifetime { get; init; } = TimeSpan.FromMinutes(10_080);
    public TimeSpan ValidationTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan NotificationTimeout { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Delay before the first retry of a failed delivery; doubled on each further attempt.</summary>
    public TimeSpan NotificationRetryDelay { get; init; } = TimeSpan.FromSeconds(1);
    public int MaxDeliveryAttempts { get; init; } = 6;
    /// <summary>How long the notifier lets changes gather before POSTing them together.</summary>
    public TimeSpan NotificationBatchWindow { get; init; } = TimeSpan.FromMilliseconds(100);
    /// <summary>Makes the opaque validation token; the default one needs URL encoding ('+', spaces, '%', non-ASCII).</summary>
    public Func<string> ValidationTokenFactory { get; init; } = DefaultValidationToken;
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public static string DefaultValidationToken() =>
        $"Validation: Testing client application reachability for subscription Request-Id: {Guid.NewGuid()} +100% ü";
}

/// <summary>Per (app, mailbox) limits: a request budget per sliding window and a cap of concurrent requests.</summary>
public sealed record ThrottleSettings(int RequestBudget = 10_000, double WindowSeconds = 600, int ConcurrencyCap = 4)
{
    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}

/// <summary>Injected latency (held while the request occupies a concurrency slot) and 5xx faults.</summary>
public sealed record FaultSettings(int LatencyMs = 0, double FaultRate = 0, int NextFaults = 0);
