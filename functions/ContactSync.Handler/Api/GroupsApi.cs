using ContactSync.Handler.Jobs;
using ContactSync.Handler.Sync;
using ContactSync.Handler.Tenancy;
using ContactSync.Hub.Directory;
using ContactSync.Hub.Validation;
using Microsoft.Graph.Models.ODataErrors;

namespace ContactSync.Handler.Api;

/// <summary><c>/api/tenants/{tenantId}/groups/{groupId}</c>: PUT, GET, and an Entra-sourced group's
/// <c>POST …/members/sync</c> (its members become the Entra group's). CSV import and the member listing are in
/// <see cref="MembersApi"/>.</summary>
public static class GroupsApi
{
    public static RouteGroupBuilder MapGroupsApi(this RouteGroupBuilder tenant)
    {
        tenant.MapPut("/groups/{groupId}", PutAsync);
        tenant.MapGet("/groups/{groupId}", GetAsync);
        tenant.MapPost("/groups/{groupId}/members/sync", SyncAsync);
        return tenant;
    }

    private static async Task<IResult> PutAsync(string groupId, HttpContext http, GroupStore groups, CancellationToken ct)
    {
        var tenant = TenantAccessFilter.TenantOf(http);
        if (!Ids.IsValid(groupId)) return ApiResults.BadId("groupId", groupId);
        var parsed = GroupJson.Parse(groupId, await RequestBody.ReadTextAsync(http.Request, ct));
        if (!parsed.IsOk) return ApiResults.From(parsed, _ => Results.Empty);
        var created = !await groups.ExistsAsync(tenant.Id, groupId, ct);
        return ApiResults.From(await groups.SaveAsync(tenant.Id, parsed.Value!, ct), g => ApiResults.Saved(http, created, GroupJson.Write(g)));
    }

    private static async Task<IResult> GetAsync(string groupId, HttpContext http, GroupStore groups, CancellationToken ct)
    {
        if (!Ids.IsValid(groupId)) return ApiResults.BadId("groupId", groupId);
        return await groups.GetAsync(TenantAccessFilter.TenantOf(http).Id, groupId, ct) is { } group
            ? ApiResults.Json(GroupJson.Write(group))
            : ApiResults.NotFound("Group", groupId);
    }

    private static async Task<IResult> SyncAsync(string groupId, HttpContext http, GroupStore groups, GraphClients graph,
        ILogger<GroupSync> log, CancellationToken ct)
    {
        var tenant = TenantAccessFilter.TenantOf(http);
        if (!Ids.IsValid(groupId)) return ApiResults.BadId("groupId", groupId);
        try
        {
            var sync = new GroupSync(groups, GraphDirectorySource.For(tenant, graph));
            return ApiResults.From(await sync.SyncAsync(tenant.Id, groupId, tenant.DefaultRegion, ct), r => TypedResults.Ok(new
            {
                imported = r.Written.Imported.Count, updated = r.Written.Updated.Count, unchanged = r.Written.Unchanged.Count,
                removed = r.Written.Removed.Count, failed = r.Written.Failed, skipped = r.Skipped,
            }));
        }
        catch (JobFailedException e)
        {
            return ApiResults.Problem(409, "Graph is not configured for this tenant", e.Message);
        }
        catch (ODataError e)
        {
            log.LogWarning("Graph refused the members of group {GroupId} of tenant {TenantId}: {Status} {Code}",
                groupId, tenant.Id, e.ResponseStatusCode, e.Error?.Code);
            return ApiResults.Problem(502, "Microsoft Graph refused the request",
                $"Graph answered {e.ResponseStatusCode} {e.Error?.Code}: {e.Error?.Message}");
        }
    }
}
