using System.Text.Json.Nodes;
using ContactSync.GraphSandbox.Model;

namespace ContactSync.GraphSandbox.Control;

/// <summary><see cref="SandboxControl"/> over HTTP under <c>/_sandbox</c> (no bearer token). README.md lists the routes.</summary>
public static class ControlApi
{
    public static void MapControlApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/_sandbox");
        api.MapPost("/reset", (SandboxControl c) => { c.Reset(); return Results.NoContent(); });
        api.MapPut("/tenants/{tenantId}", (string tenantId, TenantSeed? body, SandboxControl c) =>
            Results.Ok(c.SeedTenant(tenantId, body?.AppIds ?? [])));
        api.MapPost("/tenants/{tenantId}/users", (string tenantId, DirectoryUser user, SandboxControl c) =>
            Results.Json(c.SeedUser(tenantId, user), statusCode: 201));
        api.MapPost("/tenants/{tenantId}/groups", (string tenantId, DirectoryGroup group, SandboxControl c) =>
            Results.Json(c.SeedGroup(tenantId, group), statusCode: 201));
        api.MapPost("/groups/{groupId}/members", (string groupId, string[] userIds, SandboxControl c) => Results.Ok(c.AddMembers(groupId, userIds)));

        api.MapPost("/mailboxes/{user}/contactFolders", (string user, JsonObject body, SandboxControl c) =>
            Results.Json(c.CreateFolder(user, body["displayName"]?.ToString() ?? ""), statusCode: 201));
        api.MapGet("/mailboxes/{user}/contacts", (string user, string? folderId, SandboxControl c) =>
            Results.Json(new JsonObject { ["value"] = new JsonArray(c.Contacts(user, folderId).Select(x => (JsonNode)x).ToArray()) }));
        api.MapPost("/mailboxes/{user}/contacts", (string user, string? folderId, JsonObject body, SandboxControl c) =>
            Results.Json(c.OutlookCreate(user, body, folderId), statusCode: 201));
        api.MapPatch("/mailboxes/{user}/contacts/{id}", (string user, string id, JsonObject body, SandboxControl c) => Results.Json(c.OutlookUpdate(user, id, body)));
        api.MapDelete("/mailboxes/{user}/contacts/{id}", (string user, string id, SandboxControl c) => { c.OutlookDelete(user, id); return Results.NoContent(); });
        api.MapGet("/mailboxes/{user}/counters", (string user, SandboxControl c) => Results.Ok(c.Counters(user)));
        api.MapPost("/counters/reset", (SandboxControl c) => { c.ResetCounters(); return Results.NoContent(); });
        api.MapPost("/mailboxes/{user}/delta/expire", (string user, SandboxControl c) => Results.Ok(new { expired = c.ExpireDeltaTokens(user) }));
        api.MapPost("/delta/expire", (SandboxControl c) => Results.Ok(new { expired = c.ExpireDeltaTokens() }));

        api.MapPut("/throttling", (ThrottleSettings settings, SandboxControl c) => { c.SetThrottling(settings); return Results.NoContent(); });
        api.MapPut("/faults", (FaultSettings faults, SandboxControl c) => { c.SetFaults(faults); return Results.NoContent(); });
        api.MapPut("/mailboxes/{user}/faults", (string user, FaultSettings faults, SandboxControl c) => { c.SetFaults(faults, user); return Results.NoContent(); });

        api.MapGet("/subscriptions", (SandboxControl c) => Results.Ok(c.Subscriptions()));
        api.MapPost("/subscriptions/{id}/lifecycle", (string id, LifecycleRequest body, SandboxControl c) =>
        {
            c.FireLifecycle(id, body.LifecycleEvent);
            return Results.Accepted();
        });
        api.MapGet("/deliveries", (SandboxControl c) => Results.Ok(c.Deliveries()));
    }
}

public sealed record TenantSeed(string[]? AppIds);

public sealed record LifecycleRequest(string LifecycleEvent);
