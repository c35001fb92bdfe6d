using System.Text.Json.Nodes;
using ContactSync.GraphSandbox.Model;

namespace ContactSync.GraphSandbox.Graph;

/// <summary>The v1.0 contact resource: its properties, Exchange's limits, and how an item is rendered.</summary>
public static class ContactSchema
{
    static readonly string[] Strings =
    [
        "assistantName", "birthday", "businessHomePage", "companyName", "department", "displayName", "fileAs", "generation",
        "givenName", "initials", "jobTitle", "manager", "middleName", "mobilePhone", "nickName", "officeLocation",
        "personalNotes", "profession", "spouseName", "surname", "title", "yomiCompanyName", "yomiGivenName", "yomiSurname",
    ];
    static readonly string[] Arrays = ["businessPhones", "categories", "children", "emailAddresses", "homePhones", "imAddresses"];
    static readonly string[] Addresses = ["businessAddress", "homeAddress", "otherAddress"];
    static readonly string[] ReadOnly = ["id", "changeKey", "createdDateTime", "lastModifiedDateTime", "parentFolderId"];

    /// <summary>Exchange's caps on multi-value properties, with the names its error text uses (FACTS.md §7).</summary>
    static readonly (string Property, string ExchangeName, int Max)[] Limits =
        [("emailAddresses", "EmailAddresses", 3), ("businessPhones", "BusinessPhones", 2), ("homePhones", "HomePhones", 2)];

    public static readonly IReadOnlySet<string> Selectable = new HashSet<string>(
        Strings.Concat(Arrays).Concat(Addresses).Concat(ReadOnly), StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks a create/PATCH body and returns the writable properties it sets (extended properties apart).</summary>
    public static JsonObject Writable(JsonObject body)
    {
        var result = new JsonObject();
        foreach (var (name, value) in body)
        {
            if (name.StartsWith('@') || name == "singleValueExtendedProperties" || ReadOnly.Contains(name)) continue;
            if (Arrays.Contains(name))
            {
                if (value is not (JsonArray or null)) throw Unreadable($"Cannot read a value of kind '{value.GetValueKind()}' for the collection property '{name}'.");
            }
            else if (Addresses.Contains(name))
            {
                if (value is not (JsonObject or null)) throw Unreadable($"Cannot read a primitive value for the complex property '{name}'.");
            }
            else if (!Strings.Contains(name))
            {
                throw Unreadable($"The property '{name}' does not exist on type 'microsoft.graph.contact'. Make sure to only use property names that are defined by the type or mark the type as open type.");
            }
            result[name] = value?.DeepClone();
        }
        return result;
    }

    /// <summary>Rejects what Exchange rejects: too many e-mail addresses, business or home phones.</summary>
    public static void CheckLimits(JsonObject fields)
    {
        foreach (var (property, exchangeName, max) in Limits)
        {
            if (fields[property] is JsonArray array && array.Count > max)
                throw GraphException.InvalidProperty(
                    $"The multi value property {exchangeName} has {array.Count} entries, that exceeds the max allowed value of {max}");
        }
    }

    /// <summary>Reads <c>singleValueExtendedProperties: [{id, value}]</c>.</summary>
    public static IEnumerable<(string Id, string Value)> ExtendedProperties(JsonObject body)
    {
        if (body["singleValueExtendedProperties"] is not JsonArray list) yield break;
        foreach (var item in list)
        {
            var id = item?["id"]?.GetValue<string>();
            var value = item?["value"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(id) || value is null)
                throw GraphException.BadRequest("A singleValueLegacyExtendedProperty needs both an id and a value.");
            yield return (id, value);
        }
    }

    public static JsonObject Render(StoredContact contact, IReadOnlyCollection<string>? select = null, string? expandExtendedId = null)
    {
        bool Wanted(string name) => select is null || select.Contains(name, StringComparer.OrdinalIgnoreCase);
        var json = new JsonObject { ["@odata.etag"] = contact.ETag, ["id"] = contact.Id };
        if (Wanted("createdDateTime")) json["createdDateTime"] = Timestamp(contact.Created);
        if (Wanted("lastModifiedDateTime")) json["lastModifiedDateTime"] = Timestamp(contact.Modified);
        if (Wanted("changeKey")) json["changeKey"] = contact.ChangeKey;
        if (Wanted("categories")) json["categories"] = contact.Fields["categories"]?.DeepClone() ?? new JsonArray();
        if (Wanted("parentFolderId")) json["parentFolderId"] = contact.FolderId;
        foreach (var name in Strings.Where(Wanted)) json[name] = contact.Fields[name]?.DeepClone();
        foreach (var name in Arrays.Where(n => n != "categories" && Wanted(n))) json[name] = contact.Fields[name]?.DeepClone() ?? new JsonArray();
        foreach (var name in Addresses.Where(Wanted)) json[name] = contact.Fields[name]?.DeepClone() ?? new JsonObject();
        if (expandExtendedId is not null)
        {
            var expanded = new JsonArray();
            if (contact.Extended.TryGetValue(expandExtendedId, out var value))
                expanded.Add(new JsonObject { ["id"] = CanonicalId(contact, expandExtendedId), ["value"] = value });
            json["singleValueExtendedProperties"] = expanded;
        }
        return json;
    }

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'");

    static string CanonicalId(StoredContact contact, string id) => contact.Extended.Keys.First(k => string.Equals(k, id, StringComparison.OrdinalIgnoreCase));

    static GraphException Unreadable(string message) => new(400, "RequestBodyRead", message);
}
