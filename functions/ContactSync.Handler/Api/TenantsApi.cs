using System.Text.Json.Nodes;
using ContactSync.Handler.Sync;
using ContactSync.Hub.Tenants;

namespace ContactSync.Handler.Api;

/// <summary><c>PUT /api/tenants/{tenantId}</c> (platform admin key): creates a tenant — 201 with its API key, shown this
/// once (only its hash is kept) — or updates one (200, key unchanged and not shown). The Graph credential is a reference
/// (Key Vault secret URI or app setting name); a secret in the body is refused. A new time zone reschedules the tenant's
/// targets.</summary>
public static class TenantsApi
{
    public static IEndpointRouteBuilder MapTenantsApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/tenants/{tenantId}", PutAsync).AddEndpointFilter<AdminKeyFilter>().AddEndpointFilter(RequestBody.LimitFilter);
        return app;
    }

    private static async Task<IResult> PutAsync(string tenantId, HttpContext http, TenantStore tenants, TenantZoneChange zoneChange,
        ILogger<TenantStore> log, CancellationToken ct)
    {
        var parsed = TenantJson.Parse(tenantId, await RequestBody.ReadTextAsync(http.Request, ct));
        if (!parsed.IsOk) return ApiResults.From(parsed, _ => Results.Empty);
        var before = await tenants.GetAsync(tenantId, ct);
        var saved = await tenants.SaveAsync(parsed.Value!, ct);
        if (!saved.IsOk) return ApiResults.From(saved, _ => Results.Empty);
        var tenant = saved.Value!.Tenant;
        await zoneChange.ApplyAsync(before, tenant, ct);
        log.LogInformation("Tenant {TenantId} {Action}", tenantId, saved.Value.Created ? "created" : "updated");
        var body = JsonNode.Parse(TenantJson.Write(tenant))!.AsObject();
        if (saved.Value.ApiKey is { } key) body["apiKey"] = key;
        return ApiResults.Saved(http, saved.Value.Created, body.ToJsonString());
    }
}
