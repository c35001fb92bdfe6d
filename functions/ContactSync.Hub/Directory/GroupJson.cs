using System.Text.Json;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Directory;

/// <summary>The group's JSON in the API: <c>{ displayName, source: csv|entra|manual, entraGroupId }</c>; source
/// defaults to manual.</summary>
public static class GroupJson
{
    public static Outcome<Group> Parse(string groupId, string json) => JsonBody.Parse(json, r =>
    {
        JsonBody.CheckId(r, groupId);
        return new Group(groupId, r.String("displayName") ?? "", r.Enum<GroupSource>("source", GroupSource.Manual), r.String("entraGroupId"));
    });

    public static string Write(Group g) => JsonSerializer.Serialize(new
    {
        id = g.Id, displayName = g.DisplayName, source = JsonNames.Of(g.Source), entraGroupId = g.EntraGroupId,
    });
}
