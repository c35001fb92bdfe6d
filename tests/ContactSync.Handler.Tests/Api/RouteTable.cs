using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace ContactSync.Handler.Tests.Api;

/// <summary>The handler's mapped routes (pattern, method), read from an app built in process but not started.</summary>
public static class RouteTable
{
    public sealed record Route(string Pattern, string Method);

    public static IReadOnlyList<Route> Load()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ContactSync:AdminKey"] = "k", ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        });
        builder.Services.AddContactSyncHandler(builder.Configuration);
        var app = builder.Build();
        app.MapContactSyncHandler();
        return [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/") && !raw.Contains("{**"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new Route(e.RoutePattern.RawText!, m)))
            .Distinct().OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];
    }

    /// <summary>The pattern with every parameter but tenantId filled in with a valid id.</summary>
    public static string Fill(string pattern, string tenantId) =>
        System.Text.RegularExpressions.Regex.Replace(pattern.Replace("{tenantId}", tenantId), @"\{[^}]+\}", "x1").TrimStart('/');
}
