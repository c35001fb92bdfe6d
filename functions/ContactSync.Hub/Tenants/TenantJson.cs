using System.Text.Json;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Tenants;

/// <summary>The tenant's JSON in the API: <c>{ displayName, defaultRegion, timeZone, graph: { entraTenantId, clientId,
/// credentialKind: clientSecret|certificate|managedIdentity, secretReference, baseUrl } }</c>. A secret itself is
/// refused with a pointer to <c>secretReference</c>; the written form has no key or hash.</summary>
public static class TenantJson
{
    private static readonly string[] SecretNames = ["secret", "clientSecret", "password", "certificate", "apiKey", "apiKeyHash"];

    public static Outcome<Tenant> Parse(string tenantId, string json) => JsonBody.Parse(json, r =>
    {
        JsonBody.CheckId(r, tenantId);
        RefuseSecrets(r);
        var display = r.String("displayName") ?? "";
        var region = r.String("defaultRegion") ?? "";
        var zone = r.String("timeZone") ?? "";
        var g = r.Object("graph");
        if (g is null && !r.Errors.Has("graph")) r.Errors.Add("graph", "graph settings are required.");
        GraphSettings graph = new("", null, CredentialKind.ClientSecret);
        if (g is not null)
        {
            RefuseSecrets(g);
            graph = new GraphSettings(g.String("entraTenantId") ?? "", g.String("clientId"),
                g.Enum<CredentialKind>("credentialKind", null), g.String("secretReference"), g.String("baseUrl"));
            g.RejectUnknown();
        }
        return new Tenant(tenantId, display, region, zone, graph);
    });

    public static string Write(Tenant t) => JsonSerializer.Serialize(new
    {
        id = t.Id, displayName = t.DisplayName, defaultRegion = t.DefaultRegion, timeZone = t.TimeZone,
        graph = new
        {
            entraTenantId = t.Graph.EntraTenantId, clientId = t.Graph.ClientId, credentialKind = JsonNames.Of(t.Graph.CredentialKind),
            secretReference = t.Graph.SecretReference, baseUrl = t.Graph.BaseUrl,
        },
    });

    private static void RefuseSecrets(JsonSectionReader r)
    {
        foreach (var name in SecretNames)
            if (r.Has(name))
                r.Errors.Add(r.Field(name), $"{r.Field(name)}: secrets are never stored; put the secret in Key Vault (or an app setting) and give its URI or name in graph.secretReference.");
    }
}
