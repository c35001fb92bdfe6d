using ContactSync.Infra.Tests.Reading;

namespace ContactSync.Infra.Tests;

/// <summary>How the app's settings and the Bicep app settings must agree. Pure functions over names, so the fake-type
/// tests run the very rules the real ones do.</summary>
public static class AppSettingsRules
{
    /// <summary>Set in Azure and read by the Functions host or the platform rather than by an options type.</summary>
    public static readonly IReadOnlySet<string> HostSettings = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AzureWebJobsStorage__credential",        // identity-based host storage
        "AzureWebJobsStorage__clientId",
        "AzureWebJobsStorage__blobServiceUri",    // the host keeps keys and timer leases in blobs
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", // Entra auth for telemetry (local auth is off)
    };

    /// <summary>Options keys that are deliberately not app settings in Azure, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotSetInAzure = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureWebJobsStorage__ConnectionString"] =
            "the section's own value (AzureWebJobsStorage) for local runs; Azure uses the identity-based settings",
    };

    /// <summary>Everything the given options types read, as app setting names.</summary>
    public static IReadOnlySet<string> ReadBy(IEnumerable<Type> optionsTypes) =>
        optionsTypes.SelectMany(t => OptionsSettings.Keys(t).Concat(OptionsSettings.DirectSettings(t)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Read by the options but not set in Bicep.</summary>
    public static IReadOnlyList<string> Missing(IReadOnlySet<string> read, IReadOnlySet<string> bicep) =>
        read.Where(k => !bicep.Contains(k) && !NotSetInAzure.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Set in Bicep but read by nothing: not the options, not the host, not a %NAME% in function.json/host.json.</summary>
    public static IReadOnlyList<string> Unread(IReadOnlySet<string> bicep, IReadOnlySet<string> read, IReadOnlySet<string> percent) =>
        bicep.Where(k => !read.Contains(k) && !HostSettings.Contains(k) && !percent.Contains(k)).Order(StringComparer.Ordinal).ToList();
}
