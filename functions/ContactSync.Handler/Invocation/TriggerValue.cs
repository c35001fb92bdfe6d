using System.Text.Json;

namespace ContactSync.Handler.Invocation;

/// <summary>Reads a trigger value into a type. The host serializes a string trigger value once more before putting it in
/// <c>Data</c> (FACTS.md §1.4, §8.3), so a queue message may arrive as an object, as JSON text, or as JSON text of JSON
/// text; all three are accepted.</summary>
public static class TriggerValue
{
    public static T Read<T>(JsonElement value, JsonSerializerOptions json)
    {
        for (var depth = 0; depth < 3 && value.ValueKind == JsonValueKind.String; depth++)
        {
            var text = value.GetString()!;
            try { value = JsonDocument.Parse(text).RootElement; }
            catch (JsonException) { throw new InvalidInvocationException($"the trigger value is not JSON: {Shorten(text)}"); }
        }
        return value.Deserialize<T>(json) ?? throw new InvalidInvocationException($"the trigger value is null");
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
