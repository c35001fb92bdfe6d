using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContactSync.GraphSandbox.Graph;
using ContactSync.GraphSandbox.Hosting;
using ContactSync.GraphSandbox.State;

namespace ContactSync.GraphSandbox.Subscriptions;

/// <summary>Reads and checks a subscription request: a contacts resource of the caller's tenant, changeType, URLs,
/// clientState (≤ 128 chars) and an expiry no further than the maximum lifetime.</summary>
public static partial class SubscriptionRequest
{
    static readonly string[] ChangeTypes = ["created", "updated", "deleted"];

    public static Subscription Parse(JsonObject body, SandboxState s, Caller caller)
    {
        var resource = body["resource"]?.ToString() ?? throw Invalid("The 'resource' property is required.");
        var match = ContactResource().Match(resource);
        if (!match.Success) throw Invalid($"Resource '{resource}' is not supported; the sandbox knows /users/{{id}}/contacts and /users/{{id}}/contactFolders/{{id}}/contacts.");
        var mailbox = s.FindMailbox(Uri.UnescapeDataString(match.Groups["user"].Value)) ?? throw new GraphException(404, "ExtensionError", "The requested user is invalid.");
        if (!mailbox.User.TenantId.Equals(caller.TenantId, StringComparison.OrdinalIgnoreCase))
            throw new GraphException(403, "ExtensionError", "Operation: Create; Exception: [Status Code: Forbidden; Reason: Access is denied.]");
        var folderId = match.Groups["folder"].Success ? match.Groups["folder"].Value : null;
        lock (s.Gate) if (folderId is not null && !mailbox.Folders.ContainsKey(folderId)) throw GraphException.NotFound();
        var changeTypes = (body["changeType"]?.ToString() ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (changeTypes.Length == 0 || changeTypes.Any(t => !ChangeTypes.Contains(t)))
            throw Invalid("The 'changeType' property must be a comma-separated list of created, updated and deleted.");
        var notificationUrl = Url(body["notificationUrl"]?.ToString(), "notificationUrl") ?? throw Invalid("The 'notificationUrl' property is required.");
        var clientState = body["clientState"]?.ToString();
        if (clientState is { Length: > 128 }) throw Invalid("The 'clientState' property can be at most 128 characters long.");
        return new Subscription
        {
            Id = Guid.NewGuid().ToString(), TenantId = mailbox.User.TenantId, AppId = caller.AppId, Resource = resource,
            UserId = mailbox.User.Id, FolderId = folderId, ChangeTypes = changeTypes.ToHashSet(), NotificationUrl = notificationUrl,
            LifecycleNotificationUrl = Url(body["lifecycleNotificationUrl"]?.ToString(), "lifecycleNotificationUrl"),
            ClientState = clientState, Expiration = Expiration(body, s),
        };
    }

    public static DateTimeOffset Expiration(JsonObject body, SandboxState s)
    {
        if (!DateTimeOffset.TryParse(body["expirationDateTime"]?.ToString(), out var at)) throw Invalid("The 'expirationDateTime' property is required.");
        var max = s.Options.MaxSubscriptionLifetime;
        if (at <= s.Now) throw Invalid("Subscription expiration must be in the future.");
        if (at > s.Now + max) throw Invalid($"Subscription expiration can only be {max.TotalMinutes:0} minutes in the future.");
        return at;
    }

    static string? Url(string? url, string name) => url is null ? null
        : Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == "https" || u.Scheme == "http") ? url
        : throw Invalid($"The '{name}' property must be an absolute https URL.");

    static GraphException Invalid(string message) => new(400, "ExtensionError", message);

    [GeneratedRegex(@"^/?users/(?<user>[^/]+)/(?:contactFolders/(?<folder>[^/]+)/)?contacts$", RegexOptions.IgnoreCase)]
    private static partial Regex ContactResource();
}
