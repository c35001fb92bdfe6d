using ContactSync.Handler.Tenancy;

namespace ContactSync.Handler.Api;

/// <summary><c>/api/tenants/...</c> (function ManagementApi, anonymous at the host: keys are checked here). Tenant
/// creation takes the platform admin key; every route under <c>/api/tenants/{tenantId}/</c> sits in one route group
/// behind <see cref="TenantAccessFilter"/>. Literal routes win over the catch-all, which answers every other path with
/// a problem-details 404.</summary>
public static class ManagementApi
{
    public static RouteGroupBuilder MapManagementApi(this IEndpointRouteBuilder app)
    {
        app.MapTenantsApi();
        var tenant = app.MapGroup("/api/tenants/{tenantId}")
            .AddEndpointFilter(RequestBody.LimitFilter)
            .AddEndpointFilter<TenantAccessFilter>();
        tenant.MapPoliciesApi().MapGroupsApi().MapMembersApi().MapTargetsApi().MapHubContactsApi();

        var tenants = app.MapGroup("/api/tenants");
        tenants.Map("/{**path}", (string? path) => TypedResults.Problem(statusCode: 404, title: "Not found",
            detail: $"No endpoint at /api/tenants/{path}."));
        return tenant;
    }
}
