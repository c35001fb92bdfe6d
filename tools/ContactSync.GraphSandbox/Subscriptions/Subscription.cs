using System.Text.Json.Nodes;

namespace ContactSync.GraphSandbox.Subscriptions;

/// <summary>A change-notification subscription on a mailbox's contacts (all folders, or one folder).</summary>
public sealed record Subscription
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string AppId { get; init; }
    public required string Resource { get; init; }
    public required string UserId { get; init; }
    /// <summary>Null when the resource is <c>/users/{id}/contacts</c>, which the sandbox treats as every contact of the mailbox.</summary>
    public string? FolderId { get; init; }
    public required IReadOnlySet<string> ChangeTypes { get; init; }
    public required string NotificationUrl { get; init; }
    public string? LifecycleNotificationUrl { get; init; }
    public string? ClientState { get; init; }
    public required DateTimeOffset Expiration { get; init; }
    /// <summary>Set by a reauthorizationRequired event; change notifications are held until the app reauthorizes or renews.</summary>
    public bool ReauthorizationPending { get; init; }

    public JsonObject Render() => new()
    {
        ["id"] = Id,
        ["resource"] = Resource,
        ["applicationId"] = AppId,
        ["changeType"] = string.Join(',', ChangeTypes),
        ["clientState"] = ClientState,
        ["notificationUrl"] = NotificationUrl,
        ["notificationQueryOptions"] = null,
        ["lifecycleNotificationUrl"] = LifecycleNotificationUrl,
        ["expirationDateTime"] = Format(Expiration),
        ["creatorId"] = AppId,
        ["includeResourceData"] = false,
        ["latestSupportedTlsVersion"] = "v1_2",
        ["encryptionCertificate"] = null,
        ["encryptionCertificateId"] = null,
        ["notificationUrlAppId"] = null,
    };

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff'Z'");
}
