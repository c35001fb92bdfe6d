using ContactSync.Infra.Tests.Reading;

namespace ContactSync.Infra.Tests;

/// <summary>Only resource types and API versions checked against Microsoft's reference (docs/deploy.md lists the
/// sources); a new one has to be looked up and added here on purpose.</summary>
public sealed class ApiVersionTests
{
    private static readonly HashSet<string> Documented =
    [
        "Microsoft.Resources/resourceGroups@2021-04-01",
        "Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31",
        "Microsoft.Storage/storageAccounts@2023-05-01",
        "Microsoft.Storage/storageAccounts/blobServices@2023-05-01",
        "Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01",
        "Microsoft.Storage/storageAccounts/tableServices@2023-05-01",
        "Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01",
        "Microsoft.Storage/storageAccounts/queueServices@2023-05-01",
        "Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01",
        "Microsoft.KeyVault/vaults@2023-07-01",
        "Microsoft.KeyVault/vaults/secrets@2023-07-01",
        "Microsoft.OperationalInsights/workspaces@2023-09-01",
        "Microsoft.Insights/components@2020-02-02",
        // functionAppConfig (Flex Consumption) exists from Microsoft.Web 2023-12-01 on.
        "Microsoft.Web/serverfarms@2024-04-01",
        "Microsoft.Web/sites@2024-04-01",
        "Microsoft.Web/sites/config@2024-04-01",
        "Microsoft.Web/sites/host/functionKeys@2024-04-01",
        "Microsoft.Authorization/roleAssignments@2022-04-01",
    ];

    [Fact]
    public void Every_resource_type_and_version_is_a_documented_one()
    {
        var used = BicepInfra.Load().Files.SelectMany(f => f.ResourceTypeVersions().Select(tv => (f.Path, tv))).ToList();
        Assert.NotEmpty(used);
        Assert.All(used, u => Assert.True(Documented.Contains(u.tv), $"{u.Path}: {u.tv} is not in the checked list"));
    }

    [Fact]
    public void No_preview_versions_and_no_registry_modules()
    {
        var infra = BicepInfra.Load();
        Assert.All(infra.Files, f => Assert.DoesNotContain("-preview'", f.Source.Code));
        Assert.All(infra.Files, f => Assert.DoesNotContain("'br/", f.Source.Code));
    }
}
