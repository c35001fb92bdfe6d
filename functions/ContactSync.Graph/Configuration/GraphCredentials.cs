using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace ContactSync.Graph.Configuration;

/// <summary>Turns a tenant's settings into the Azure.Identity credential that signs its Graph requests.</summary>
public static class GraphCredentials
{
    public static TokenCredential Create(GraphTenantSettings s) => s.Credential switch
    {
        GraphCredentialKind.ClientSecret => new ClientSecretCredential(s.TenantId, s.ClientId,
            Required(s.ClientSecret, nameof(s.ClientSecret))),
        GraphCredentialKind.Certificate => new ClientCertificateCredential(s.TenantId, s.ClientId, LoadCertificate(s)),
        GraphCredentialKind.ManagedIdentity => new ManagedIdentityCredential(s.ManagedIdentityClientId is { } id
            ? ManagedIdentityId.FromUserAssignedClientId(id) : ManagedIdentityId.SystemAssigned),
        GraphCredentialKind.Sandbox => new SandboxTokenCredential(s.TenantId, s.ClientId),
        _ => throw new ArgumentOutOfRangeException(nameof(s), s.Credential, "Unknown credential kind."),
    };

    static X509Certificate2 LoadCertificate(GraphTenantSettings s)
    {
        if (s.CertificateBase64 is { Length: > 0 } b64)
            return X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(b64), s.CertificatePassword);
        return X509CertificateLoader.LoadPkcs12FromFile(
            Required(s.CertificatePath, nameof(s.CertificatePath)), s.CertificatePassword);
    }

    static string Required(string? value, string name) => string.IsNullOrEmpty(value)
        ? throw new InvalidOperationException($"The Graph settings need {name} for this credential kind.")
        : value;
}
