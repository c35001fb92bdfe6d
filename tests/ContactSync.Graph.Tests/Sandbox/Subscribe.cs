using System.Text.Json.Nodes;
using ContactSync.GraphSandbox;

namespace ContactSync.Graph.Tests.Sandbox;

/// <summary>A subscription request body and a sandbox with a webhook receiver, for the subscription tests.</summary>
public static class Subscribe
{
    public static string Body(string notificationUrl, string resource, string? lifecycleUrl = null, DateTimeOffset? expires = null) => new JsonObject
    {
        ["changeType"] = "created,updated,deleted",
        ["notificationUrl"] = notificationUrl,
        ["lifecycleNotificationUrl"] = lifecycleUrl,
        ["resource"] = resource,
        ["expirationDateTime"] = (expires ?? DateTimeOffset.UtcNow.AddDays(2)).ToString("o"),
        ["clientState"] = "secret-state",
    }.ToJsonString();

    public static async Task<(SandboxHarness H, WebhookReceiver Hook)> StartAsync(SandboxOptions? options = null) =>
        (await SandboxHarness.StartAsync(options), await WebhookReceiver.StartAsync());
}
