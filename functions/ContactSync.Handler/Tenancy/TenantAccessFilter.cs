using System.Security.Cryptography;
using System.Text;
using ContactSync.Handler.Api;
using ContactSync.Handler.Options;
using ContactSync.Hub.Tenants;
using ContactSync.Hub.Validation;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Tenancy;

/// <summary>Guards every <c>/api/tenants/{tenantId}/...</c> route (M26), once for the route group: a bad id in the route
/// (every parameter named …Id) is 400; no key or a key that is nobody's is 401; another tenant's key is 403 whether or not the tenant exists (so a key
/// holder cannot probe for tenant ids); with the tenant's own key or the platform admin key an unknown tenant is 404.
/// The tenant passes to the endpoint through <see cref="TenantOf"/>.</summary>
public sealed class TenantAccessFilter(TenantStore tenants, IOptions<ContactSyncOptions> options, ILogger<TenantAccessFilter> log)
    : IEndpointFilter
{
    private const string Item = "ContactSync.Tenant";

    public static Tenant TenantOf(HttpContext http) =>
        http.Items[Item] as Tenant ?? throw new InvalidOperationException("The endpoint is not behind TenantAccessFilter.");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var ct = http.RequestAborted;
        foreach (var (name, value) in http.Request.RouteValues)
            if (name.EndsWith("Id", StringComparison.Ordinal) && !Ids.IsValid(value as string))
                return ApiResults.BadId(name, value as string);
        var tenantId = http.GetRouteValue("tenantId") as string;
        if (!Ids.IsValid(tenantId)) return ApiResults.BadId("tenantId", tenantId);
        var key = http.Request.Headers[AdminKeyFilter.Header].ToString();
        if (key.Length == 0)
            return ApiResults.Problem(401, "API key required", $"Send the tenant's API key in the {AdminKeyFilter.Header} header.");
        if (!IsAdminKey(key))
        {
            var owner = await tenants.AuthenticateAsync(key, ct);
            if (owner is null) return ApiResults.Problem(401, "Invalid API key", "The API key is not a current key of any tenant.");
            if (owner != tenantId)
            {
                log.LogWarning("A key of tenant {KeyTenant} was refused for tenant {TenantId}", owner, tenantId);
                return ApiResults.Problem(403, "Forbidden", "This API key belongs to another tenant.");
            }
        }
        if (await tenants.GetAsync(tenantId!, ct) is not { } tenant)
            return ApiResults.Problem(404, "No such tenant", $"Tenant '{tenantId}' does not exist.");
        http.Items[Item] = tenant;
        return await next(context);
    }

    private bool IsAdminKey(string key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(options.Value.AdminKey));
}
