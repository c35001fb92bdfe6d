using System.Text.RegularExpressions;

namespace ContactSync.Handler.Tests.Api;

/// <summary>M29: docs/openapi.yaml documents every mapped /api route with its method, and nothing that is not mapped.</summary>
public partial class OpenApiTests
{
    [GeneratedRegex(@"^  (/api/\S*):\s*$")]
    private static partial Regex PathLine();

    [GeneratedRegex(@"^    (get|put|post|delete|patch):")]
    private static partial Regex MethodLine();

    private static HashSet<string> Documented()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        string? path = null;
        foreach (var line in File.ReadLines(Path.Combine(TestEnvironment.RepoRoot, "docs", "openapi.yaml")))
        {
            if (PathLine().Match(line) is { Success: true } p) path = p.Groups[1].Value;
            else if (!line.StartsWith("    ") && line.Trim().Length > 0 && !line.StartsWith("  /")) path = null;
            else if (path is not null && MethodLine().Match(line) is { Success: true } m) set.Add($"{m.Groups[1].Value.ToUpperInvariant()} {path}");
        }
        return set;
    }

    [Fact]
    public void Every_mapped_api_route_is_documented_and_every_documented_route_is_mapped()
    {
        var mapped = RouteTable.Load().Select(r => $"{r.Method} {r.Pattern}").ToHashSet(StringComparer.Ordinal);
        var documented = Documented();
        Assert.Contains("PUT /api/tenants/{tenantId}/policies/{policyId}", mapped);
        Assert.Empty(mapped.Except(documented).Order());
        Assert.Empty(documented.Except(mapped).Order());
    }
}
