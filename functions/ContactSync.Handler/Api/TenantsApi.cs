using System.Text.Json.Nodes;
using ContactSync.Hub.Tenants;

namespace ContactSync.Handler.Api;

/// <summary><c>PUT /api/tenants/{tenantId}</c> (platform admin key): creates a tenant — 201 with its API key, shown this
/// once (only its hash is kept) — or updates one (200, key unchanged and not shown). The Graph credential is a reference
/// (Key Vault secret URI or app setting name); a secret in the body is refused.</summary>
public static class TenantsApi
{
    public static IEndpointRouteBuilder MapTenantsApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/tenants/{tenantId}", PutAsync).AddEndpointFilter<AdminKeyFilter>().AddEndpointFilter(RequestBody.LimitFilter);
        return app;
    }

    private static async Task<IResult> PutAsync(string tenantId, HttpContext http, TenantStore tenants, ILogger<TenantStore> log,
        CancellationToken ct)
    {
        var parsed = TenantJson.Parse(tenantId, await RequestBody.ReadTextAsync(http.Request, ct));
        if (!parsed.IsOk) return ApiResults.From(parsed, _ => Results.Empty);
        return ApiResults.From(await tenants.SaveAsync(parsed.Value!, ct), saved =>
        {
            log.LogInformation("Tenant {TenantId} {Action}", tenantId, saved.Created ? "created" : "updated");
            var body = JsonNode.Parse(TenantJson.Write(saved.Tenant))!.AsObject();
            if (saved.ApiKey is { } key) body["apiKey"] = key;
            return ApiResults.Saved(http, saved.Created, body.ToJsonString());
        });
    }
}
