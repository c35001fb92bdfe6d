using System.Text.Json.Nodes;
using ContactSync.Engine.Items;

namespace ContactSync.Graph.Contacts;

/// <summary>
/// FieldMap → the JSON body of a contact create or PATCH. Every mapped property is sent, absent ones as null or [],
/// so a PATCH replaces the whole item as the engine sees it. Lists beyond Exchange's caps are the projection's job
/// (the engine projects before it writes); mobilePhones and webPages take their first entry, as Graph holds one.
/// </summary>
public static class ContactWriter
{
    static readonly (string Field, string Property)[] Strings =
    [
        (ContactFields.GivenName, "givenName"), (ContactFields.MiddleName, "middleName"), (ContactFields.Surname, "surname"),
        (ContactFields.Nickname, "nickName"), (ContactFields.DisplayName, "displayName"),
        (ContactFields.CompanyName, "companyName"), (ContactFields.Department, "department"), (ContactFields.JobTitle, "jobTitle"),
    ];

    public static JsonObject Body(FieldMap item, string? marker = null)
    {
        var body = new JsonObject();
        foreach (var (field, property) in Strings) body[property] = item[field];
        body["emailAddresses"] = new JsonArray([.. item.List(ContactFields.Emails)
            .Select(a => (JsonNode)new JsonObject { ["address"] = a, ["name"] = a })]);
        body["businessPhones"] = Array(item.List(ContactFields.BusinessPhones));
        body["homePhones"] = Array(item.List(ContactFields.HomePhones));
        body["mobilePhone"] = item.List(ContactFields.MobilePhones).FirstOrDefault();
        body["businessHomePage"] = item.List(ContactFields.WebPages).FirstOrDefault();
        body["categories"] = Array(item.List(ContactFields.Categories));
        body["birthday"] = item[ContactFields.Birthday] is { } day ? $"{day}T00:00:00Z" : null;
        foreach (var address in ContactFields.Addresses) body[address] = Address(item, address);
        if (marker is not null)
            body["singleValueExtendedProperties"] = new JsonArray(
                new JsonObject { ["id"] = ContactMarker.PropertyId, ["value"] = marker });
        return body;
    }

    static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    static JsonObject Address(FieldMap item, string address)
    {
        var json = new JsonObject();
        foreach (var part in AddressParts.All) json[part] = item[ContactFields.AddressPart(address, part)];
        return json;
    }
}
