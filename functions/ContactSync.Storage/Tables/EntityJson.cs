using System.Globalization;
using System.Text.Json;

namespace ContactSync.Storage;

/// <summary>Entity ⇄ JSON with <c>odata=minimalmetadata</c> annotations (FACTS.md §3.5): Int64, Double, DateTime,
/// Guid and Binary carry <c>Prop@odata.type</c>; String, Int32 and Boolean are inferred from the JSON value.</summary>
internal static class EntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static byte[] Write(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("PartitionKey", entity.PartitionKey);
            w.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in entity.Properties)
                if (value is not null) WriteProperty(w, name, value);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteProperty(Utf8JsonWriter w, string name, object value)
    {
        switch (value)
        {
            case string s: w.WriteString(name, s); break;
            case bool b: w.WriteBoolean(name, b); break;
            case int i: w.WriteNumber(name, i); break;
            case long l: Annotated(w, name, "Edm.Int64", l.ToString(CultureInfo.InvariantCulture)); break;
            case double d when double.IsFinite(d):
                w.WriteString(name + TypeSuffix, "Edm.Double");
                w.WritePropertyName(name);
                w.WriteRawValue(FormatDouble(d));
                break;
            case double d: Annotated(w, name, "Edm.Double", double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity"); break;
            case DateTimeOffset t: Annotated(w, name, "Edm.DateTime", FormatDate(t)); break;
            case DateTime t: Annotated(w, name, "Edm.DateTime", FormatDate(AsUtc(t))); break;
            case Guid g: Annotated(w, name, "Edm.Guid", g.ToString("D")); break;
            case byte[] bytes: Annotated(w, name, "Edm.Binary", Convert.ToBase64String(bytes)); break;
            default: throw TableRules.UnsupportedType(name, value);
        }
    }

    private static void Annotated(Utf8JsonWriter w, string name, string type, string value)
    {
        w.WriteString(name + TypeSuffix, type);
        w.WriteString(name, value);
    }

    public static TableEntity Read(JsonElement json, string? etag = null)
    {
        var entity = new TableEntity(json.GetProperty("PartitionKey").GetString()!, json.GetProperty("RowKey").GetString()!)
        {
            ETag = etag ?? (json.TryGetProperty("odata.etag", out var e) ? e.GetString() : null),
            Timestamp = json.TryGetProperty("Timestamp", out var ts) ? ParseDate(ts.GetString()!) : null,
        };
        foreach (var p in json.EnumerateObject())
        {
            if (p.Name is "PartitionKey" or "RowKey" or "Timestamp" || p.Name.StartsWith("odata.", StringComparison.Ordinal)
                || p.Name.EndsWith(TypeSuffix, StringComparison.Ordinal))
                continue;
            // The service stores no nulls; a $select of a property an entity lacks comes back as null: leave it out.
            if (p.Value.ValueKind == JsonValueKind.Null) continue;
            var type = json.TryGetProperty(p.Name + TypeSuffix, out var t) ? t.GetString() : null;
            entity.Properties[p.Name] = ReadValue(p.Value, type);
        }
        return entity;
    }

    private static object? ReadValue(JsonElement v, string? type) => type switch
    {
        "Edm.Int64" => long.Parse(v.ToString(), CultureInfo.InvariantCulture),
        "Edm.Int32" => v.ValueKind == JsonValueKind.String ? int.Parse(v.GetString()!, CultureInfo.InvariantCulture) : v.GetInt32(),
        "Edm.Double" => v.ValueKind == JsonValueKind.String ? ParseDouble(v.GetString()!) : v.GetDouble(),
        "Edm.DateTime" => ParseDate(v.GetString()!),
        "Edm.Guid" => Guid.Parse(v.GetString()!),
        "Edm.Binary" => Convert.FromBase64String(v.GetString()!),
        "Edm.Boolean" => v.ValueKind == JsonValueKind.String ? bool.Parse(v.GetString()!) : v.GetBoolean(),
        "Edm.String" => v.GetString(),
        _ => v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when v.TryGetInt32(out var i) && !v.GetRawText().Contains('.') => i,
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.Null => null,
            _ => v.GetRawText(),
        },
    };

    public static string FormatDouble(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    private static double ParseDouble(string s) => s switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(s, CultureInfo.InvariantCulture),
    };

    public static string FormatDate(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseDate(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset AsUtc(DateTime t) =>
        new(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime());
}
