namespace ContactSync.Handler.Webhooks;

/// <summary>Graph change notifications (<c>Webhooks__*</c>, M24). Without <see cref="PublicBaseUrl"/> no subscription is
/// made (the app is not reachable from Graph) and the renewer only cleans up.</summary>
public sealed class WebhookSettings
{
    public const string Section = "Webhooks";

    /// <summary>The app's public base URL, e.g. <c>https://app.azurewebsites.net</c>; Graph calls <c>{base}/api/graph/...</c>.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The GraphNotifications/GraphLifecycle function key, sent back by Graph as <c>?code=</c>.</summary>
    public string? FunctionKey { get; set; }

    /// <summary>How long notifications for one target are collected into one partial-sync job.</summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>More ids than this in one window: a delta sync instead of a partial one.</summary>
    public int MaxPartialIds { get; set; } = 100;

    /// <summary>Lifetime asked for. 4,230 min satisfies both versions of Graph's table for contacts (FACTS.md §6.2).</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromMinutes(4230);

    /// <summary>The renewer renews subscriptions that expire within this margin (it runs every few hours).</summary>
    public TimeSpan RenewMargin { get; set; } = TimeSpan.FromHours(24);

    public bool Subscribes => PublicBaseUrl is { Length: > 0 };

    public string NotificationUrl => Url("notifications");
    public string LifecycleUrl => Url("lifecycle");

    private string Url(string route) =>
        $"{PublicBaseUrl!.TrimEnd('/')}/api/graph/{route}" + (FunctionKey is { Length: > 0 } key ? "?code=" + Uri.EscapeDataString(key) : "");
}
