using System.Text.RegularExpressions;
using ContactSync.Infra.Tests.Reading;

namespace ContactSync.Infra.Tests;

/// <summary>azure.yaml deploys, to the site the Bicep tags, the zip pack.sh writes.</summary>
public sealed class AzureYamlTests
{
    private static readonly string Yaml = File.ReadAllText(Repo.PathOf("azure.yaml"));

    [Fact]
    public void The_api_service_is_a_function_app_deployed_from_the_packed_folder()
    {
        var service = Regex.Match(Yaml, @"^services:\s*\n  (?<name>\w+):\s*\n(?<body>(    .*\n?)+)", RegexOptions.Multiline);
        Assert.True(service.Success, "azure.yaml has no service");
        Assert.Equal("api", service.Groups["name"].Value);
        Assert.Matches(@"host:\s*function\b", service.Groups["body"].Value);
        Assert.Matches(@"language:\s*custom\b", service.Groups["body"].Value);
        Assert.Matches(@"dist:\s*artifacts/contactsync\.zip\b", service.Groups["body"].Value);
        // api.bicep tags the site with the service name azd looks for.
        Assert.Contains("param serviceName string = 'api'", BicepInfra.Load().File("app/api.bicep").Source.Code);
    }

    [Fact]
    public void Packing_runs_before_azd_packages_the_folder()
    {
        Assert.Matches(@"hooks:\s*\n\s+prepackage:[\s\S]*run:\s*\./pack\.sh", Yaml);
    }
}
