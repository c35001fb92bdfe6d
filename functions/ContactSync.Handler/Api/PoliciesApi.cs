using ContactSync.Handler.Sync;
using ContactSync.Handler.Tenancy;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Validation;
using ContactSync.Storage;

namespace ContactSync.Handler.Api;

/// <summary><c>/api/tenants/{tenantId}/policies/{policyId}</c>: PUT (validated per field; the targets using the policy
/// are rescheduled), GET, DELETE (409 while a target uses it).</summary>
public static class PoliciesApi
{
    public static RouteGroupBuilder MapPoliciesApi(this RouteGroupBuilder tenant)
    {
        tenant.MapPut("/policies/{policyId}", PutAsync);
        tenant.MapGet("/policies/{policyId}", GetAsync);
        tenant.MapDelete("/policies/{policyId}", DeleteAsync);
        return tenant;
    }

    private static async Task<IResult> PutAsync(string policyId, HttpContext http, PolicyStore policies, TargetStore targets,
        ITableStore tables, TargetScheduling scheduling, CancellationToken ct)
    {
        var tenant = TenantAccessFilter.TenantOf(http);
        if (!Ids.IsValid(policyId)) return ApiResults.BadId("policyId", policyId);
        var parsed = PolicyJson.Parse(policyId, await RequestBody.ReadTextAsync(http.Request, ct));
        if (!parsed.IsOk) return ApiResults.From(parsed, _ => Results.Empty);
        var created = !await policies.ExistsAsync(tenant.Id, policyId, ct);
        var saved = await policies.SaveAsync(tenant.Id, parsed.Value!, ct);
        if (!saved.IsOk) return ApiResults.From(saved, _ => Results.Empty);
        // Applying or changing a policy (re)schedules every section of the targets that use it (M2, M3).
        foreach (var targetId in await TargetStore.IdsUsingPolicyAsync(tables, tenant.Id, policyId, ct))
            if (await targets.GetAsync(tenant.Id, targetId, ct) is { } target)
                await scheduling.ScheduleTargetAsync(tenant, target, saved.Value, ct);
        return ApiResults.Saved(http, created, PolicyWriter.Serialize(saved.Value!));
    }

    private static async Task<IResult> GetAsync(string policyId, HttpContext http, PolicyStore policies, CancellationToken ct)
    {
        if (!Ids.IsValid(policyId)) return ApiResults.BadId("policyId", policyId);
        return await policies.GetAsync(TenantAccessFilter.TenantOf(http).Id, policyId, ct) is { } policy
            ? ApiResults.Json(PolicyWriter.Serialize(policy))
            : ApiResults.NotFound("Policy", policyId);
    }

    private static async Task<IResult> DeleteAsync(string policyId, HttpContext http, PolicyStore policies, CancellationToken ct)
    {
        if (!Ids.IsValid(policyId)) return ApiResults.BadId("policyId", policyId);
        return ApiResults.From(await policies.DeleteAsync(TenantAccessFilter.TenantOf(http).Id, policyId, ct), _ => TypedResults.NoContent());
    }
}
