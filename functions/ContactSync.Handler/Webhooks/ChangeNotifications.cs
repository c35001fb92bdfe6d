using System.Text.Json;

namespace ContactSync.Handler.Webhooks;

/// <summary>One item of a change notification POST (FACTS.md §6.4); only what the intake needs.</summary>
public sealed record ChangeNotification(string? SubscriptionId, string? ClientState, string? ChangeType, string? ResourceId,
    string? ETag);

/// <summary>One item of a lifecycle notification POST (FACTS.md §6.5).</summary>
public sealed record LifecycleNotification(string? SubscriptionId, string? ClientState, string? LifecycleEvent);

/// <summary>Reads the <c>{"value":[...]}</c> bodies leniently: a malformed item becomes an item that fails validation.</summary>
public static class NotificationBodies
{
    public static IReadOnlyList<ChangeNotification> Changes(JsonElement root) => Items(root).Select(i =>
    {
        var data = i.TryGetProperty("resourceData", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var id = Text(data, "id") ?? LastSegment(Text(i, "resource"));
        return new ChangeNotification(Text(i, "subscriptionId"), Text(i, "clientState"), Text(i, "changeType"), id, Text(data, "@odata.etag"));
    }).ToList();

    public static IReadOnlyList<LifecycleNotification> Lifecycle(JsonElement root) => Items(root).Select(i =>
        new LifecycleNotification(Text(i, "subscriptionId"), Text(i, "clientState"), Text(i, "lifecycleEvent"))).ToList();

    private static IEnumerable<JsonElement> Items(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object) : [];

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static string? LastSegment(string? resource) =>
        resource?.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts ? parts[^1] : null;
}
