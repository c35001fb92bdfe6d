using ContactSync.Handler.Tenancy;

namespace ContactSync.Handler.Api;

/// <summary><c>/api/tenants/{tenantId}</c> for the sync routes, behind the same <see cref="TenantAccessFilter"/> as the
/// management routes (the platform admin key or that tenant's own key in <c>X-Api-Key</c>).</summary>
public static class TenantRoutes
{
    public static RouteGroupBuilder Group(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/tenants/{tenantId}").AddEndpointFilter<TenantAccessFilter>();

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);

    public static bool IsId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
