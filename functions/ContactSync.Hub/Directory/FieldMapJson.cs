using System.Text.Json;
using ContactSync.Engine.Items;

namespace ContactSync.Hub.Directory;

/// <summary>A FieldMap as a flat JSON object of strings (list fields keep their '\n'-joined form), as stored in tables.</summary>
public static class FieldMapJson
{
    public static string Serialize(FieldMap map) => JsonSerializer.Serialize(map.Values);

    public static FieldMap Parse(string? json) =>
        string.IsNullOrEmpty(json)
            ? FieldMap.Empty
            : FieldMap.From(JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? []);
}
