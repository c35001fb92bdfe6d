using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContactSync.GraphSandbox.Graph;
using ContactSync.GraphSandbox.Hosting;
using ContactSync.GraphSandbox.State;

namespace ContactSync.GraphSandbox.Subscriptions;

/// <summary>POST/GET/PATCH/DELETE <c>/subscriptions</c> and <c>/subscriptions/{id}/reauthorize</c> for contact resources.</summary>
public static partial class SubscriptionApi
{
    static readonly string[] ChangeTypes = ["created", "updated", "deleted"];

    public static void MapSubscriptionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1.0/subscriptions", async (JsonObject body, HttpContext c, SandboxState s, Handshake handshake) =>
        {
            var subscription = Parse(body, s, Caller.Of(c));
            await handshake.ValidateAsync(subscription.NotificationUrl, c.RequestAborted);
            if (subscription.LifecycleNotificationUrl is not null) await handshake.ValidateAsync(subscription.LifecycleNotificationUrl, c.RequestAborted);
            lock (s.Gate) s.Subscriptions[subscription.Id] = subscription;
            return Entity(c, subscription, 201);
        });
        app.MapGet("/v1.0/subscriptions", (HttpContext c, SandboxState s) =>
        {
            var caller = Caller.Of(c);
            List<Subscription> mine;
            lock (s.Gate) { Sweep(s); mine = s.Subscriptions.Values.Where(x => x.AppId == caller.AppId && x.TenantId == caller.TenantId).ToList(); }
            return Results.Json(new JsonObject
            {
                ["@odata.context"] = $"{Query.BaseUrl(c.Request)}/v1.0/$metadata#subscriptions",
                ["value"] = new JsonArray(mine.Select(x => (JsonNode)x.Render()).ToArray()),
            });
        });
        app.MapGet("/v1.0/subscriptions/{id}", (string id, HttpContext c, SandboxState s) => Entity(c, Find(s, c, id), 200));
        app.MapPatch("/v1.0/subscriptions/{id}", (string id, JsonObject body, HttpContext c, SandboxState s, Notifier notifier) =>
        {
            var expiration = Expiration(body, s);
            lock (s.Gate) s.Subscriptions[id] = Find(s, c, id) with { Expiration = expiration };
            notifier.Reauthorized(id);
            return Entity(c, Find(s, c, id), 200);
        });
        app.MapDelete("/v1.0/subscriptions/{id}", (string id, HttpContext c, SandboxState s) =>
        {
            lock (s.Gate) { s.Subscriptions.Remove(Find(s, c, id).Id); s.HeldNotifications.Remove(id); }
            return Results.NoContent();
        });
        app.MapPost("/v1.0/subscriptions/{id}/reauthorize", (string id, HttpContext c, SandboxState s, Notifier notifier) =>
        {
            Find(s, c, id);
            notifier.Reauthorized(id);
            return Results.NoContent();
        });
    }

    /// <summary>Expired subscriptions disappear.</summary>
    public static void Sweep(SandboxState s)
    {
        foreach (var expired in s.Subscriptions.Values.Where(x => x.Expiration <= s.Now).Select(x => x.Id).ToList())
        {
            s.Subscriptions.Remove(expired);
            s.HeldNotifications.Remove(expired);
        }
    }

    static Subscription Find(SandboxState s, HttpContext c, string id)
    {
        var caller = Caller.Of(c);
        lock (s.Gate)
        {
            Sweep(s);
            return s.Subscriptions.TryGetValue(id, out var found) && found.AppId == caller.AppId && found.TenantId == caller.TenantId ? found
                : throw new GraphException(404, "ResourceNotFound", $"The object '{id}' was not found.");
        }
    }

    static IResult Entity(HttpContext c, Subscription subscription, int status)
    {
        var json = new JsonObject { ["@odata.context"] = $"{Query.BaseUrl(c.Request)}/v1.0/$metadata#subscriptions/$entity" };
        foreach (var (k, v) in subscription.Render()) json[k] = v?.DeepClone();
        return Results.Json(json, statusCode: status);
    }

    static Subscription Parse(JsonObject body, SandboxState s, Caller caller)
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

    static DateTimeOffset Expiration(JsonObject body, SandboxState s)
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
