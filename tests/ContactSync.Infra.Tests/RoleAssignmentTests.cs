using System.Text.RegularExpressions;
using ContactSync.Infra.Tests.Reading;

namespace ContactSync.Infra.Tests;

/// <summary>The app's identity holds a role for everything the app does: tables, queues, the host's blobs, and the
/// Key Vault references in its settings.</summary>
public sealed partial class RoleAssignmentTests
{
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    private static readonly BicepInfra Infra = BicepInfra.Load();
    private static readonly BicepFile Rbac = Infra.File("app/rbac.bicep");

    [Fact]
    public void The_app_identity_holds_the_storage_roles_on_the_account()
    {
        var storage = AppRoles().Where(r => r.Scope == "storage").Select(r => r.Role).ToList();
        Assert.NotEmpty(Infra.TableNames());
        Assert.Contains(TableDataContributor, storage);
        Assert.NotEmpty(Infra.QueueNames());
        Assert.Contains(QueueDataContributor, storage);
        Assert.Contains("AzureWebJobsStorage__blobServiceUri", Infra.AppSettings());
        Assert.Contains(BlobDataOwner, storage);
    }

    [Fact]
    public void The_app_identity_reads_the_secrets_its_settings_reference()
    {
        var references = Infra.AppSettingsVars().Any(v => v.Text.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal));
        Assert.True(references);
        Assert.Contains(("vault", KeyVaultSecretsUser), AppRoles());
        Assert.Contains("keyVaultReferenceIdentity: identityId", Infra.File("app/api.bicep").Source.Code);
    }

    [Fact]
    public void Every_role_id_in_rbac_bicep_is_named_in_a_comment()
    {
        var text = File.ReadAllText(Rbac.Path);
        foreach (var id in Guid().Matches(Rbac.Source.Code).Select(m => m.Value).Distinct())
            Assert.Matches($@"'{id}'\s*//\s*\w", text);
    }

    /// <summary>(scope symbol, role definition id) of each assignment to <c>appPrincipalId</c>; a role written as a
    /// loop variable or a var is resolved to its GUIDs.</summary>
    private static IEnumerable<(string Scope, string Role)> AppRoles()
    {
        foreach (var r in Rbac.OfKind("resource").Where(r => r.Text.Contains("'Microsoft.Authorization/roleAssignments@", StringComparison.Ordinal)))
        {
            if (!Regex.IsMatch(r.Text, @"principalId:\s*appPrincipalId\b")) continue;
            var scope = Regex.Match(r.Text, @"scope:\s*(\w+)").Groups[1].Value;
            var role = Regex.Match(r.Text, @"roleDefinitions',\s*(\w+)\)").Groups[1].Value;
            var loop = Regex.Match(r.Text, @"\[for\s+(\w+)\s+in\s+(\w+)\s*:");
            var source = loop.Success && loop.Groups[1].Value == role ? loop.Groups[2].Value : role;
            foreach (var id in Guid().Matches(Rbac.Var(source).Text).Select(m => m.Value))
                yield return (scope, id);
        }
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}
