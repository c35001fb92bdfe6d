using System.Text.RegularExpressions;

namespace ContactSync.GraphSandbox.Graph;

/// <summary>The OData query options and Prefer values the sandbox understands.</summary>
public static partial class Query
{
    public static IReadOnlyList<string>? Select(HttpRequest request, IReadOnlySet<string> allowed, string type)
    {
        var raw = request.Query["$select"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var names = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = names.FirstOrDefault(n => !allowed.Contains(n));
        if (unknown is not null)
            throw new GraphException(400, "RequestBroker--ParseUri", $"Could not find a property named '{unknown}' on type '{type}'.");
        return names;
    }

    public static int? Int(HttpRequest request, string name)
    {
        var raw = request.Query[name].FirstOrDefault();
        if (raw is null) return null;
        return int.TryParse(raw, out var value) && value >= 0 ? value
            : throw GraphException.BadRequest($"Invalid value '{raw}' for query option '{name}'.");
    }

    /// <summary><c>displayName eq 'x'</c> (quotes doubled inside, as OData escapes them).</summary>
    public static string? DisplayNameFilter(HttpRequest request)
    {
        var raw = request.Query["$filter"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var match = DisplayNameEq().Match(raw);
        return match.Success ? match.Groups[1].Value.Replace("''", "'")
            : throw GraphException.BadRequest($"Invalid filter clause: '{raw}' is not supported by the sandbox.");
    }

    /// <summary><c>singleValueExtendedProperties/Any(ep: ep/id eq '{id}' and ep/value eq '{v}')</c>.</summary>
    public static (string Id, string Value)? ExtendedPropertyFilter(HttpRequest request)
    {
        var raw = request.Query["$filter"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var match = ExtendedAny().Match(raw);
        return match.Success ? (match.Groups["id"].Value.Replace("''", "'"), match.Groups["value"].Value.Replace("''", "'"))
            : throw GraphException.BadRequest($"Invalid filter clause: '{raw}' is not supported by the sandbox.");
    }

    /// <summary><c>$expand=singleValueExtendedProperties($filter=id eq '{id}')</c>.</summary>
    public static string? ExpandExtendedId(HttpRequest request)
    {
        var raw = request.Query["$expand"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var match = ExpandExtended().Match(raw);
        return match.Success ? match.Groups[1].Value.Replace("''", "'")
            : throw GraphException.BadRequest($"Parsing OData Select and Expand failed: '{raw}' is not supported by the sandbox.");
    }

    /// <summary>The honoured <c>Prefer: odata.maxpagesize=n</c>, or null.</summary>
    public static int? MaxPageSize(HttpRequest request, int max)
    {
        var match = MaxPageSizePreference().Match(string.Join(',', request.Headers["Prefer"].ToArray()));
        return match.Success && int.TryParse(match.Groups[1].Value, out var n) && n > 0 ? Math.Min(n, max) : null;
    }

    public static bool WantsImmutableIds(HttpRequest request) =>
        ImmutablePreference().IsMatch(string.Join(',', request.Headers["Prefer"].ToArray()));

    /// <summary>Adds to <c>Preference-Applied</c> what was honoured.</summary>
    public static void Applied(HttpContext context, string preference)
    {
        var existing = context.Response.Headers["Preference-Applied"].FirstOrDefault();
        context.Response.Headers["Preference-Applied"] = string.IsNullOrEmpty(existing) ? preference : $"{existing}, {preference}";
    }

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    [GeneratedRegex(@"^\s*displayName\s+eq\s+'((?:[^']|'')*)'\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DisplayNameEq();

    [GeneratedRegex(@"^\s*singleValueExtendedProperties/any\(\s*(?<v>\w+)\s*:\s*\k<v>/id\s+eq\s+'(?<id>(?:[^']|'')*)'\s+and\s+\k<v>/value\s+eq\s+'(?<value>(?:[^']|'')*)'\s*\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ExtendedAny();

    [GeneratedRegex(@"^\s*singleValueExtendedProperties\(\s*\$filter\s*=\s*id\s+eq\s+'((?:[^']|'')*)'\s*\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ExpandExtended();

    [GeneratedRegex(@"odata\.maxpagesize\s*=\s*(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex MaxPageSizePreference();

    [GeneratedRegex(@"IdType\s*=\s*""?ImmutableId""?", RegexOptions.IgnoreCase)]
    private static partial Regex ImmutablePreference();
}
