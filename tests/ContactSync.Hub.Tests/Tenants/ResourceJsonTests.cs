using ContactSync.Hub.Directory;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Tests.Tenants;

/// <summary>The request bodies of tenants, targets and groups: parsed with per-field errors, written back in the same shape.</summary>
public class ResourceJsonTests
{
    private const string TenantBody = """
        { "displayName": "Contoso CZ", "defaultRegion": "CZ", "timeZone": "Europe/Prague",
          "graph": { "entraTenantId": "contoso.onmicrosoft.com", "clientId": "3f1b2c4d-0000-4000-8000-123456789abc",
                     "credentialKind": "certificate", "secretReference": "https://contoso-kv.vault.azure.net/secrets/graph-cert" } }
        """;

    [Fact]
    public void A_tenant_body_parses_validates_and_writes_back_without_secrets()
    {
        var t = TenantJson.Parse("contoso-cz", TenantBody);
        Assert.True(t.IsOk, t.ToString());
        Assert.Equal(CredentialKind.Certificate, t.Value!.Graph.CredentialKind);
        Assert.True(TenantValidator.Validate(t.Value).IsValid);
        var written = TenantJson.Write(t.Value);
        Assert.Contains("\"credentialKind\":\"certificate\"", written);
        Assert.DoesNotContain("apiKey", written);
        Assert.Equal(t.Value, TenantJson.Parse("contoso-cz", written).Value);
    }

    [Theory]
    [InlineData("\"clientSecret\": \"abc~123\"", "graph.clientSecret", "secrets are never stored")]
    [InlineData("\"credentialKind\": \"password\"", "graph.credentialKind", "'password' is not one of clientSecret, certificate, managedIdentity")]
    [InlineData("\"colour\": 1", "graph.colour", "not a known setting")]
    public void Bad_graph_settings_are_named(string extra, string field, string message)
    {
        var body = TenantBody.Replace("\"credentialKind\": \"certificate\"", extra.StartsWith("\"credentialKind") ? extra : "\"credentialKind\": \"certificate\", " + extra);
        var t = TenantJson.Parse("contoso-cz", body);
        Assert.Equal(OutcomeKind.Invalid, t.Kind);
        Assert.Contains(t.Errors!.Errors[field], m => m.Contains(message));
    }

    [Fact]
    public void A_tenant_without_graph_settings_is_refused()
    {
        var t = TenantJson.Parse("t", """{ "displayName": "x", "defaultRegion": "PL", "timeZone": "UTC", "secret": "s" }""");
        Assert.Equal(["graph", "secret"], t.Errors!.Errors.Keys.Order().ToArray());
    }

    [Fact]
    public void A_target_body_round_trips_and_refuses_an_unknown_kind()
    {
        var t = TargetJson.Parse("anna", """{ "ownerEmail": "anna@contoso.pl", "policyId": "p1", "groupIds": ["sales"], "contactFolder": "Firma" }""");
        Assert.True(t.IsOk, t.ToString());
        Assert.Equal(TargetKind.Mailbox, t.Value!.Kind);
        var back = TargetJson.Parse("anna", TargetJson.Write(t.Value)).Value!;
        Assert.Equal((t.Value.OwnerEmail, t.Value.PolicyId, t.Value.ContactFolder), (back.OwnerEmail, back.PolicyId, back.ContactFolder));
        Assert.Equal(["sales"], back.GroupIds);
        var printer = TargetJson.Parse("anna", """{ "kind": "printer", "ownerEmail": "a@b.pl", "policyId": "p1" }""");
        Assert.Contains("is not one of mailbox, device", printer.Errors!.Errors["kind"][0]);
        Assert.Contains("differs", TargetJson.Parse("anna", """{ "id": "bob" }""").Errors!.Errors["id"][0]);
    }

    [Fact]
    public void A_group_body_round_trips()
    {
        var g = GroupJson.Parse("staff", """{ "displayName": "Staff", "source": "entra", "entraGroupId": "6f1c2d3e-1111-4222-8333-944455566677" }""");
        Assert.True(g.IsOk, g.ToString());
        Assert.Equal(g.Value, GroupJson.Parse("staff", GroupJson.Write(g.Value!)).Value);
        Assert.Contains("is not one of csv, entra, manual", GroupJson.Parse("x", """{ "displayName": "X", "source": "ldap" }""").Errors!.Errors["source"][0]);
        Assert.Equal(GroupSource.Manual, GroupJson.Parse("x", """{ "displayName": "X" }""").Value!.Source);
    }
}
