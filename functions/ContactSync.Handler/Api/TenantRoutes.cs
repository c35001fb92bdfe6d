using System.Security.Cryptography;
using System.Text;
using ContactSync.Handler.Options;
using ContactSync.Hub.Tenants;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Api;

/// <summary><c>/api/tenants/{tenantId}</c> for the sync routes: the platform admin key or that tenant's own key
/// (<c>X-Api-Key</c>). Missing key → 401, unknown tenant → 404, another tenant's key → 403. Ids outside
/// <c>[A-Za-z0-9._-]{1,64}</c> → 400.</summary>
public static class TenantRoutes
{
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/tenants/{tenantId}").AddEndpointFilter<TenantKeyFilter>();

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    public static bool IsId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}

public sealed class TenantKeyFilter(TenantStore tenants, IOptions<ContactSyncOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[AdminKeyFilter.Header].ToString();
        if (key.Length == 0) return TenantRoutes.Problem(401, "API key required", $"Send the tenant's API key in the {AdminKeyFilter.Header} header.");
        foreach (var value in http.Request.RouteValues)
            if (value.Key.EndsWith("Id", StringComparison.Ordinal) && !TenantRoutes.IsId(value.Value as string))
                return TenantRoutes.Problem(400, "Bad id", $"{value.Key} must match [A-Za-z0-9._-]{{1,64}}.");
        var tenantId = (string)http.Request.RouteValues["tenantId"]!;
        var ct = http.RequestAborted;
        if (await tenants.GetAsync(tenantId, ct) is null) return TenantRoutes.Problem(404, "No such tenant", $"Tenant '{tenantId}' does not exist.");
        var admin = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(options.Value.AdminKey));
        if (!admin && !await tenants.VerifyKeyAsync(tenantId, key, ct))
            return TenantRoutes.Problem(403, "Forbidden", $"The key is not one of tenant '{tenantId}'.");
        return await next(context);
    }
}
