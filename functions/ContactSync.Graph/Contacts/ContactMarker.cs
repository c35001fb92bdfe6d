namespace ContactSync.Graph.Contacts;

/// <summary>The managed-item marker (M7, crash recovery): a single-value extended property in our own property set,
/// written on create, read with <c>$expand</c> and searched with <c>$filter</c>.</summary>
public static class ContactMarker
{
    public const string PropertyId = "String {6f2a9c1e-4b7d-4e0a-9a51-3c8e2d7f1b64} Name ContactSyncHubId";

    public static string Filter(string marker) =>
        $"singleValueExtendedProperties/Any(ep: ep/id eq '{Quote(PropertyId)}' and ep/value eq '{Quote(marker)}')";

    public static string Expand => $"singleValueExtendedProperties($filter=id eq '{Quote(PropertyId)}')";

    static string Quote(string s) => s.Replace("'", "''", StringComparison.Ordinal);
}
