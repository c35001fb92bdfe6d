using Azure.Core;
using Azure.Identity;
using ContactSync.Graph.Configuration;

namespace ContactSync.Graph.Tests.Client;

public sealed class SettingsTests
{
    [Fact]
    public void Secrets_never_show_in_the_settings_text()
    {
        var settings = new GraphTenantSettings
        {
            TenantId = "t1", ClientId = "c1", ClientSecret = "s3cr3t-value", CertificateBase64 = "QUJD", CertificatePassword = "pfx-pass",
        };

        var text = settings.ToString();

        Assert.Contains("TenantId = t1", text);
        Assert.DoesNotContain("s3cr3t-value", text);
        Assert.DoesNotContain("QUJD", text);
        Assert.DoesNotContain("pfx-pass", text);
    }

    [Fact]
    public void Each_credential_kind_makes_its_Azure_Identity_credential()
    {
        GraphTenantSettings Of(GraphCredentialKind kind) => new() { TenantId = "t1", ClientId = "c1", Credential = kind, ClientSecret = "x" };

        Assert.IsType<ClientSecretCredential>(GraphCredentials.Create(Of(GraphCredentialKind.ClientSecret)));
        Assert.IsType<ManagedIdentityCredential>(GraphCredentials.Create(Of(GraphCredentialKind.ManagedIdentity)));
        Assert.IsType<ManagedIdentityCredential>(GraphCredentials.Create(Of(GraphCredentialKind.ManagedIdentity) with { ManagedIdentityClientId = "mi" }));
        Assert.Throws<InvalidOperationException>(() => GraphCredentials.Create(Of(GraphCredentialKind.ClientSecret) with { ClientSecret = null }));
        Assert.Throws<InvalidOperationException>(() => GraphCredentials.Create(Of(GraphCredentialKind.Certificate)));
    }

    [Fact]
    public void A_certificate_from_base64_makes_a_certificate_credential()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=contactsync-test", rsa,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        var pfx = Convert.ToBase64String(cert.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pw"));

        var credential = GraphCredentials.Create(new GraphTenantSettings
        {
            TenantId = "t1", ClientId = "c1", Credential = GraphCredentialKind.Certificate, CertificateBase64 = pfx, CertificatePassword = "pw",
        });

        Assert.IsType<ClientCertificateCredential>(credential);
    }

    [Fact]
    public async Task The_sandbox_credential_yields_the_sandbox_token()
    {
        var settings = new GraphTenantSettings { TenantId = "t1", ClientId = "app", Credential = GraphCredentialKind.Sandbox, BaseUrl = "http://127.0.0.1:7072" };

        var token = await GraphCredentials.Create(settings).GetTokenAsync(new TokenRequestContext([settings.Scope]), default);

        Assert.Equal("sandbox.t1.app", token.Token);
        Assert.Equal("http://127.0.0.1:7072/v1.0", settings.VersionedBaseUrl);
        Assert.Equal("https://graph.microsoft.com/.default", (settings with { Credential = GraphCredentialKind.ClientSecret }).Scope);
    }
}
