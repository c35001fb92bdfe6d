using ContactSync.Storage;

namespace ContactSync.Hub.Tenants;

/// <summary>A tenant's row: flat properties, enum names as text.</summary>
internal static class TenantEntity
{
    public static TableEntity From(Tenant t, string? keyHash) => new("tenant", t.Id)
    {
        ["displayName"] = t.DisplayName,
        ["defaultRegion"] = t.DefaultRegion,
        ["timeZone"] = t.TimeZone,
        ["entraTenantId"] = t.Graph.EntraTenantId,
        ["clientId"] = t.Graph.ClientId,
        ["credentialKind"] = t.Graph.CredentialKind.ToString(),
        ["secretReference"] = t.Graph.SecretReference,
        ["graphBaseUrl"] = t.Graph.BaseUrl,
        ["apiKeyHash"] = keyHash,
    };

    public static Tenant ToTenant(TableEntity e) => new(
        e.RowKey, e.GetString("displayName") ?? e.RowKey, e.GetString("defaultRegion") ?? "", e.GetString("timeZone") ?? "UTC",
        new GraphSettings(e.GetString("entraTenantId") ?? "", e.GetString("clientId"),
            Enum.TryParse<CredentialKind>(e.GetString("credentialKind"), out var kind) ? kind : CredentialKind.ClientSecret,
            e.GetString("secretReference"), e.GetString("graphBaseUrl")));
}
