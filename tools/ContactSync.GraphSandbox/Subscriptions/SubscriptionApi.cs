using System.Text.Json.Nodes;
using ContactSync.GraphSandbox.Graph;
using ContactSync.GraphSandbox.Hosting;
using ContactSync.GraphSandbox.State;

namespace ContactSync.GraphSandbox.Subscriptions;

/// <summary>POST/GET/PATCH/DELETE <c>/subscriptions</c> and <c>/subscriptions/{id}/reauthorize</c> for contact resources.</summary>
public static class SubscriptionApi
{
    public static void MapSubscriptionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1.0/subscriptions", async (JsonObject body, HttpContext c, SandboxState s, Handshake handshake) =>
        {
            var subscription = SubscriptionRequest.Parse(body, s, Caller.Of(c));
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
            var expiration = SubscriptionRequest.Expiration(body, s);
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
}
