namespace ContactSync.GraphSandbox.Hosting;

/// <summary>Who is calling, from the bearer token <c>sandbox.{tenantId}.{appId}</c> (see README.md).</summary>
public sealed record Caller(string TenantId, string AppId)
{
    public const string Prefix = "sandbox";

    public static string Token(string tenantId, string appId) => $"{Prefix}.{tenantId}.{appId}";

    public static Caller? Parse(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var parts = authorization["Bearer ".Length..].Trim().Split('.');
        return parts.Length == 3 && parts[0] == Prefix && parts[1].Length > 0 && parts[2].Length > 0 ? new Caller(parts[1], parts[2]) : null;
    }

    public static Caller Of(HttpContext context) => (Caller)context.Items[nameof(Caller)]!;
}
