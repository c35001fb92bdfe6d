using ContactSync.GraphSandbox.State;

namespace ContactSync.GraphSandbox.Hosting;

/// <summary>Every <c>/v1.0</c> request needs a sandbox bearer token for a known tenant and one of its app ids.</summary>
public sealed class AuthMiddleware(RequestDelegate next, SandboxState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/v1.0"))
        {
            await next(context);
            return;
        }
        var header = context.Request.Headers.Authorization.FirstOrDefault();
        if (string.IsNullOrEmpty(header))
        {
            await ErrorMiddleware.Write(context, 401, "InvalidAuthenticationToken", "Access token is empty.");
            return;
        }
        var caller = Caller.Parse(header);
        if (caller is null || !Known(caller))
        {
            await ErrorMiddleware.Write(context, 401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
            return;
        }
        context.Items[nameof(Caller)] = caller;
        await next(context);
    }

    bool Known(Caller caller)
    {
        lock (state.Gate)
            return state.Tenants.TryGetValue(caller.TenantId, out var tenant) && (tenant.AppIds.Count == 0 || tenant.AppIds.Contains(caller.AppId));
    }
}
