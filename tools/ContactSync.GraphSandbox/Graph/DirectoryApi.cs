using System.Text.Json;
using System.Text.Json.Nodes;
using ContactSync.GraphSandbox.Hosting;
using ContactSync.GraphSandbox.Model;
using ContactSync.GraphSandbox.State;

namespace ContactSync.GraphSandbox.Graph;

/// <summary>Users, groups and group members of the caller's tenant, with $select, $top and @odata.nextLink paging.</summary>
public static class DirectoryApi
{
    static readonly HashSet<string> UserProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "userPrincipalName", "mail", "displayName", "givenName", "surname", "jobTitle", "companyName", "department",
        "businessPhones", "mobilePhone", "officeLocation",
    };
    static readonly HashSet<string> GroupProperties = new(StringComparer.OrdinalIgnoreCase) { "id", "displayName", "mail", "description" };
    static readonly string[] UserDefaultSelect =
        ["businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "surname", "userPrincipalName", "id"];

    public static void MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1.0/users", (HttpContext c, SandboxState s) => Page(c, s, UsersOf(s, Caller.Of(c).TenantId), "users", User));
        app.MapGet("/v1.0/users/{idOrUpn}", (string idOrUpn, HttpContext c, SandboxState s) =>
            Single(c, TenantUser(s, c, idOrUpn), "users/$entity", User, UserProperties));
        app.MapGet("/v1.0/groups", (HttpContext c, SandboxState s) => Page(c, s, GroupsOf(s, Caller.Of(c).TenantId), "groups", Group));
        app.MapGet("/v1.0/groups/{id}", (string id, HttpContext c, SandboxState s) =>
            Single(c, TenantGroup(s, c, id), "groups/$entity", Group, GroupProperties));
        app.MapGet("/v1.0/groups/{id}/members", (string id, HttpContext c, SandboxState s) =>
        {
            var group = TenantGroup(s, c, id);
            List<DirectoryUser> members;
            lock (s.Gate) members = group.MemberIds.Select(m => s.Users.GetValueOrDefault(m)).OfType<DirectoryUser>().ToList();
            return Page(c, s, members, "directoryObjects", (u, select) => WithType(User(u, select)));
        });
    }

    static JsonObject WithType(JsonObject user)
    {
        var typed = new JsonObject { ["@odata.type"] = "#microsoft.graph.user" };
        foreach (var (k, v) in user) typed[k] = v?.DeepClone();
        return typed;
    }

    static IResult Page<T>(HttpContext c, SandboxState s, IReadOnlyList<T> all, string context, Func<T, IReadOnlyList<string>?, JsonObject> render)
    {
        var allowed = typeof(T) == typeof(DirectoryGroup) ? GroupProperties : UserProperties;
        var select = Query.Select(c.Request, allowed, typeof(T) == typeof(DirectoryGroup) ? "microsoft.graph.group" : "microsoft.graph.user");
        var top = Math.Clamp(Query.Int(c.Request, "$top") ?? 100, 1, 999);
        var skip = SkipToken(c.Request);
        var body = new JsonObject { ["@odata.context"] = $"{Query.BaseUrl(c.Request)}/v1.0/$metadata#{context}" };
        body["value"] = new JsonArray(all.Skip(skip).Take(top).Select(x => (JsonNode)render(x, select)).ToArray());
        if (skip + top < all.Count)
        {
            var query = System.Web.HttpUtility.ParseQueryString(c.Request.QueryString.Value ?? "");
            query["$top"] = top.ToString();
            query["$skiptoken"] = Convert.ToBase64String(BitConverter.GetBytes(skip + top));
            body["@odata.nextLink"] = $"{Query.BaseUrl(c.Request)}{c.Request.Path}?{query}";
        }
        return Results.Json(body);
    }

    static int SkipToken(HttpRequest request)
    {
        var raw = request.Query["$skiptoken"].FirstOrDefault();
        if (raw is null) return 0;
        try { return BitConverter.ToInt32(Convert.FromBase64String(raw)); }
        catch (FormatException) { throw GraphException.BadRequest("Invalid $skiptoken."); }
    }

    static IResult Single<T>(HttpContext c, T item, string context, Func<T, IReadOnlyList<string>?, JsonObject> render, IReadOnlySet<string> allowed)
    {
        var select = Query.Select(c.Request, allowed, typeof(T) == typeof(DirectoryGroup) ? "microsoft.graph.group" : "microsoft.graph.user");
        var body = new JsonObject { ["@odata.context"] = $"{Query.BaseUrl(c.Request)}/v1.0/$metadata#{context}" };
        foreach (var (k, v) in render(item, select)) body[k] = v?.DeepClone();
        return Results.Json(body);
    }

    static JsonObject User(DirectoryUser u, IReadOnlyList<string>? select)
    {
        var all = JsonSerializer.SerializeToNode(u, JsonSerializerOptions.Web)!.AsObject();
        var wanted = select ?? UserDefaultSelect;
        var json = new JsonObject();
        foreach (var name in wanted)
        {
            var key = UserProperties.First(p => p.Equals(name, StringComparison.OrdinalIgnoreCase));
            json[key] = all[key]?.DeepClone();
        }
        return json;
    }

    static JsonObject Group(DirectoryGroup g, IReadOnlyList<string>? select)
    {
        var all = new JsonObject { ["id"] = g.Id, ["displayName"] = g.DisplayName, ["mail"] = g.Mail, ["description"] = g.Description };
        if (select is null) return all;
        var json = new JsonObject();
        foreach (var name in select) json[name] = all[GroupProperties.First(p => p.Equals(name, StringComparison.OrdinalIgnoreCase))]?.DeepClone();
        return json;
    }

    static List<DirectoryUser> UsersOf(SandboxState s, string tenantId)
    {
        lock (s.Gate) return s.Users.Values.Where(u => u.TenantId.Equals(tenantId, StringComparison.OrdinalIgnoreCase)).OrderBy(u => u.UserPrincipalName).ToList();
    }

    static List<DirectoryGroup> GroupsOf(SandboxState s, string tenantId)
    {
        lock (s.Gate) return s.Groups.Values.Where(g => g.TenantId.Equals(tenantId, StringComparison.OrdinalIgnoreCase)).OrderBy(g => g.DisplayName).ToList();
    }

    static DirectoryUser TenantUser(SandboxState s, HttpContext c, string idOrUpn)
    {
        var user = s.FindUser(idOrUpn);
        return user is not null && user.TenantId.Equals(Caller.Of(c).TenantId, StringComparison.OrdinalIgnoreCase) ? user
            : throw new GraphException(404, "Request_ResourceNotFound", $"Resource '{idOrUpn}' does not exist or one of its queried reference-property objects are not present.");
    }

    static DirectoryGroup TenantGroup(SandboxState s, HttpContext c, string id)
    {
        DirectoryGroup? group;
        lock (s.Gate) group = s.Groups.GetValueOrDefault(id);
        return group is not null && group.TenantId.Equals(Caller.Of(c).TenantId, StringComparison.OrdinalIgnoreCase) ? group
            : throw new GraphException(404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
    }
}
