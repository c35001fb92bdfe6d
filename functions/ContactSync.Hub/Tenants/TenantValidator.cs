using System.Text.RegularExpressions;
using ContactSync.Engine.Normalisation;
using ContactSync.Hub.Scheduling;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Tenants;

/// <summary>Checks a tenant before it is saved; field names are the API's JSON paths.</summary>
public static partial class TenantValidator
{
    [GeneratedRegex(@"^https://[a-z0-9-]{3,24}\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net)/secrets/[A-Za-z0-9-]{1,127}(/[0-9a-f]{32})?/?$", RegexOptions.IgnoreCase)]
    private static partial Regex KeyVaultSecretUri();

    // App setting names: letters, digits, '_', ':' and '.' (nested settings), starting with a letter or '_'. A secret
    // (base64, random text) rarely fits; one with '~', '=', '+' or '/' never does.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_:.]{0,127}$")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"^(?=.{4,253}$)([A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}$")]
    private static partial Regex DomainName();

    public static ValidationErrors Validate(Tenant t)
    {
        var e = new ValidationErrors();
        Ids.Check(e, "id", t.Id);
        if (string.IsNullOrWhiteSpace(t.DisplayName)) e.Add("displayName", "displayName is required.");
        else if (t.DisplayName.Length > 256) e.Add("displayName", "displayName is longer than 256 characters.");
        if (t.DefaultRegion is not { Length: 2 } || CallingCodes.ForRegion(t.DefaultRegion) is null)
            e.Add("defaultRegion", $"'{t.DefaultRegion}' is not a supported ISO 3166 region: use one of {string.Join(", ", CallingCodes.Regions.Order())}.");
        if (!TimeZones.TryFind(t.TimeZone, out _))
            e.Add("timeZone", $"'{t.TimeZone}' is not a known IANA or Windows time zone id (e.g. Europe/Warsaw).");
        ValidateGraph(e, t.Graph);
        return e;
    }

    private static void ValidateGraph(ValidationErrors e, GraphSettings? g)
    {
        if (g is null) { e.Add("graph", "graph settings are required."); return; }
        if (!Guid.TryParse(g.EntraTenantId, out _) && !DomainName().IsMatch(g.EntraTenantId ?? ""))
            e.Add("graph.entraTenantId", $"'{g.EntraTenantId}' is neither a GUID nor a domain name.");
        if (!Enum.IsDefined(g.CredentialKind)) e.Add("graph.credentialKind", $"'{g.CredentialKind}' is not a credential kind.");
        var needsApp = g.CredentialKind != CredentialKind.ManagedIdentity;
        if (g.ClientId is null ? needsApp : !Guid.TryParse(g.ClientId, out _))
            e.Add("graph.clientId", g.ClientId is null ? "graph.clientId is required for this credential kind." : $"'{g.ClientId}' is not a GUID.");
        if (g.SecretReference is null)
        {
            if (needsApp) e.Add("graph.secretReference", "graph.secretReference is required: a Key Vault secret URI or an app setting name.");
        }
        else if (!needsApp)
            e.Add("graph.secretReference", "a managed identity has no secret: leave graph.secretReference out.");
        else if (!IsSecretReference(g.SecretReference))
            e.Add("graph.secretReference", "graph.secretReference must be a Key Vault secret URI (https://{vault}.vault.azure.net/secrets/{name}) or an app setting name, never the secret itself.");
        if (g.BaseUrl is not null && !(Uri.TryCreate(g.BaseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            e.Add("graph.baseUrl", $"'{g.BaseUrl}' is not an absolute http(s) URL.");
    }

    public static bool IsSecretReference(string value) =>
        value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? KeyVaultSecretUri().IsMatch(value) : SettingName().IsMatch(value);
}
