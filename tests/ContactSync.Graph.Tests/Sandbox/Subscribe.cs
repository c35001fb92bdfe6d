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

    /// <summary>Waits until the delivery log holds a successful notification POST (the log is written after the answer).</summary>
    public static async Task<IReadOnlyList<ContactSync.GraphSandbox.Subscriptions.DeliveryRecord>> NotificationAttemptsAsync(SandboxServer server)
    {
        for (var waited = 0; waited < 10_000; waited += 50)
        {
            var attempts = server.Control.Deliveries().Where(d => d.Kind == "notification").ToList();
            if (attempts.Any(a => a.Succeeded)) return attempts;
            await Task.Delay(50);
        }
        throw new TimeoutException("No notification was delivered.");
    }

    public static async Task<(SandboxHarness H, WebhookReceiver Hook)> StartAsync(SandboxOptions? options = null) =>
        (await SandboxHarness.StartAsync(options), await WebhookReceiver.StartAsync());
}
