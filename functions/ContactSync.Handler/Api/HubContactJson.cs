using System.Text.Json;
using System.Text.Json.Nodes;
using ContactSync.Engine.Items;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.Validation;

namespace ContactSync.Handler.Api;

/// <summary>A hub contact's JSON: flat, <c>{ id, version, modified, displayName, emails: [..], "businessAddress.city", …,
/// syncTags: [..] }</c>; list fields are arrays. A PUT body has the same shape (<c>id</c> must match the URL;
/// <c>version</c> and <c>modified</c> are read-only and ignored; use If-Match for optimistic concurrency).</summary>
public static class HubContactJson
{
    private static readonly HashSet<string> ListFields = new([.. ContactFields.Lists, Engine.Sync.Scope.SyncTagsField], StringComparer.Ordinal);
    private static readonly HashSet<string> ReadOnly = new(["version", "modified"], StringComparer.Ordinal);

    public static Outcome<FieldMap> Parse(string contactId, string json)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException e) { return Outcome<FieldMap>.Invalid("", $"The body is not valid JSON: {e.Message}"); }
        if (root is not JsonObject obj) return Outcome<FieldMap>.Invalid("", "The body must be a JSON object.");
        var errors = new ValidationErrors();
        var fields = new List<KeyValuePair<string, string?>>();
        foreach (var (name, value) in obj)
        {
            if (ReadOnly.Contains(name) || value is null) continue;
            if (name == "id")
            {
                if (value.GetValueKind() != JsonValueKind.String || value.GetValue<string>() != contactId)
                    errors.Add("id", $"id in the body differs from '{contactId}' in the URL.");
                continue;
            }
            if (value is JsonArray array && ListFields.Contains(name))
            {
                if (array.Any(v => v is null || v.GetValueKind() != JsonValueKind.String || v.GetValue<string>().Contains(FieldMap.ListSeparator)))
                    errors.Add(name, $"{name} must be an array of single-line strings.");
                else fields.Add(new(name, string.Join(FieldMap.ListSeparator, array.Select(v => v!.GetValue<string>()))));
            }
            else if (value.GetValueKind() == JsonValueKind.String) fields.Add(new(name, value.GetValue<string>()));
            else errors.Add(name, ListFields.Contains(name) ? $"{name} must be an array of strings." : $"{name} must be a string.");
        }
        return errors.IsValid ? Outcome<FieldMap>.Ok(FieldMap.From(fields)) : Outcome<FieldMap>.Invalid(errors);
    }

    public static JsonObject Write(HubContact c)
    {
        var obj = new JsonObject { ["id"] = c.Id, ["version"] = c.Version, ["modified"] = c.Modified };
        foreach (var (name, value) in c.Contact.Values)
            obj[name] = ListFields.Contains(name) ? new JsonArray([.. c.Contact.List(name).Select(v => (JsonNode)v!)]) : value;
        return obj;
    }
}
