using ContactSync.Handler.Sync;
using ContactSync.Handler.Tenancy;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Validation;

namespace ContactSync.Handler.Api;

/// <summary><c>/api/tenants/{tenantId}/targets/{targetId}</c>: PUT (owner e-mail required (M18); the policy and groups
/// must exist; the target's sections are scheduled), GET, DELETE (its sections leave the due index).</summary>
public static class TargetsApi
{
    public static RouteGroupBuilder MapTargetsApi(this RouteGroupBuilder tenant)
    {
        tenant.MapPut("/targets/{targetId}", PutAsync);
        tenant.MapGet("/targets/{targetId}", GetAsync);
        tenant.MapDelete("/targets/{targetId}", DeleteAsync);
        return tenant;
    }

    private static async Task<IResult> PutAsync(string targetId, HttpContext http, TargetStore targets, PolicyStore policies,
        TargetScheduling scheduling, CancellationToken ct)
    {
        var tenant = TenantAccessFilter.TenantOf(http);
        if (!Ids.IsValid(targetId)) return ApiResults.BadId("targetId", targetId);
        var parsed = TargetJson.Parse(targetId, await RequestBody.ReadTextAsync(http.Request, ct));
        if (!parsed.IsOk) return ApiResults.From(parsed, _ => Results.Empty);
        var created = await targets.GetAsync(tenant.Id, targetId, ct) is null;
        var saved = await targets.SaveAsync(tenant.Id, parsed.Value!, ct);
        if (!saved.IsOk) return ApiResults.From(saved, _ => Results.Empty);
        var target = saved.Value!;
        await scheduling.ScheduleTargetAsync(tenant, target, await policies.GetAsync(tenant.Id, target.PolicyId, ct), ct);
        return ApiResults.Saved(http, created, TargetJson.Write(target));
    }

    private static async Task<IResult> GetAsync(string targetId, HttpContext http, TargetStore targets, CancellationToken ct)
    {
        if (!Ids.IsValid(targetId)) return ApiResults.BadId("targetId", targetId);
        return await targets.GetAsync(TenantAccessFilter.TenantOf(http).Id, targetId, ct) is { } target
            ? ApiResults.Json(TargetJson.Write(target))
            : ApiResults.NotFound("Target", targetId);
    }

    private static async Task<IResult> DeleteAsync(string targetId, HttpContext http, TargetStore targets, TargetScheduling scheduling,
        CancellationToken ct)
    {
        var tenant = TenantAccessFilter.TenantOf(http);
        if (!Ids.IsValid(targetId)) return ApiResults.BadId("targetId", targetId);
        if (await targets.GetAsync(tenant.Id, targetId, ct) is not { } target) return ApiResults.NotFound("Target", targetId);
        await scheduling.ScheduleTargetAsync(tenant, target, null, ct);
        return ApiResults.From(await targets.DeleteAsync(tenant.Id, targetId, ct), _ => TypedResults.NoContent());
    }
}
