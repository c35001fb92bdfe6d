using System.Text.Json.Nodes;
using ContactSync.Engine.Items;

namespace ContactSync.Devices.Api;

/// <summary>A FieldMap as device JSON: list fields as arrays, address parts as a nested object
/// (<c>"homeAddress": {"city": "Kraków"}</c>), every other field as a string under its canonical camelCase name.</summary>
public static class DeviceContactJson
{
    static readonly HashSet<string> ListFields = [.. ContactFields.Lists];

    public static JsonObject ToJson(FieldMap item)
    {
        var o = new JsonObject();
        foreach (var (key, value) in item.Values)
        {
            var dot = key.IndexOf('.');
            if (ListFields.Contains(key))
                o[key] = new JsonArray([.. item.List(key).Select(v => (JsonNode)JsonValue.Create(v))]);
            else if (dot > 0)
            {
                var parent = key[..dot];
                if (o[parent] is not JsonObject nested) o[parent] = nested = [];
                nested[key[(dot + 1)..]] = value;
            }
            else o[key] = value;
        }
        return o;
    }

    public static FieldMap FromJson(JsonObject o)
    {
        var map = FieldMap.Empty;
        foreach (var (key, node) in o)
            map = node switch
            {
                JsonArray a => map.WithList(key, a.Select(v => v?.GetValue<string>() ?? "")),
                JsonObject nested => nested.Aggregate(map, (m, kv) => m.With($"{key}.{kv.Key}", kv.Value?.GetValue<string>())),
                JsonValue v => map.With(key, v.GetValue<string>()),
                _ => map,
            };
        return map;
    }
}
