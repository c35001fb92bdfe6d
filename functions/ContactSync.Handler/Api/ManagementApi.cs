namespace ContactSync.Handler.Api;

/// <summary><c>/api/tenants/...</c> (function ManagementApi, anonymous at the host: tenant API keys are checked here).
/// The tenant endpoints of DESIGN.md §4 are mapped on this group by later issues; literal routes win over this catch-all,
/// which answers every other path with a problem-details 404.</summary>
public static class ManagementApi
{
    public static RouteGroupBuilder MapManagementApi(this IEndpointRouteBuilder app)
    {
        var tenants = app.MapGroup("/api/tenants");
        tenants.Map("/{**path}", (string? path) => TypedResults.Problem(statusCode: 404, title: "Not found",
            detail: $"No endpoint at /api/tenants/{path}."));
        return tenants;
    }
}
