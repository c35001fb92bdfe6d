using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactSync.DevHost.Queues;

/// <summary>How the host turns a queue output value into messages (FACTS.md §1.5): an array (or a string holding a
/// JSON array) gives one message per element; an object or plain text gives one.</summary>
public static class QueueOutputs
{
    public static IReadOnlyList<string> ToMessages(JsonNode? value, Action<string> warn)
    {
        switch (value)
        {
            case null:
                return [];
            case JsonArray array:
                return array.Select(e => ToText(e, warn)).ToList();
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (s.TrimStart().StartsWith('[') && TryParseArray(s) is { } parsed) return ToMessages(parsed, warn);
                return [ToText(v, warn)];
            default:
                return [value.ToJsonString()];
        }
    }

    private static string ToText(JsonNode? element, Action<string> warn)
    {
        if (element is not JsonValue v || !v.TryGetValue<string>(out var s)) return element?.ToJsonString() ?? "null";
        // The host first tries to read a string output as base64 and, if that works, writes the decoded bytes.
        // Reproduced here so that the gotcha shows up locally rather than in Azure.
        var bytes = new byte[s.Length];
        if (s.Length > 0 && Convert.TryFromBase64String(s, bytes, out var n))
        {
            warn($"queue output string '{s}' is valid base64: the Functions host writes its decoded bytes; send JSON objects instead");
            return Encoding.UTF8.GetString(bytes, 0, n);
        }
        return s;
    }

    private static JsonArray? TryParseArray(string s)
    {
        try { return JsonNode.Parse(s) as JsonArray; }
        catch (JsonException) { return null; }
    }
}
