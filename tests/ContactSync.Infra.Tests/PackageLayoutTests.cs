using ContactSync.Infra.Tests.Reading;

namespace ContactSync.Infra.Tests;

/// <summary>The layout rules on folders built here, and the sources pack.sh copies from.</summary>
public sealed class PackageLayoutTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pack-layout-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The function folders in the sources: functions/definitions/&lt;Name&gt;/function.json.</summary>
    public static IReadOnlyList<string> DefinedFunctions() =>
        Directory.GetDirectories(Repo.PathOf("functions", "definitions")).Select(d => Path.GetFileName(d)!).Order().ToList();

    private void Write(string relative, string text = "{}")
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void SetMode(string relative, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(_root, relative), mode);
    }

    private void GoodLayout()
    {
        Write("host.json", """{ "version": "2.0", "customHandler": { "description": { "defaultExecutablePath": "handler/App" } } }""");
        Write("handler/App", "#!/bin/sh");
        SetMode("handler/App", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Write("handler/System.Private.CoreLib.dll");
        Write("handler/libhostfxr.so");
        Write("Health/function.json");
        Write("SyncWorker/function.json");
    }

    [Fact]
    public void A_complete_layout_has_no_problems()
    {
        GoodLayout();
        Assert.Empty(PackageLayout.Problems(_root, ["Health", "SyncWorker"]));
    }

    [Fact]
    public void Each_missing_piece_is_named()
    {
        GoodLayout();
        SetMode("handler/App", UnixFileMode.UserRead);
        File.Delete(Path.Combine(_root, "handler/libhostfxr.so"));
        Directory.Delete(Path.Combine(_root, "Health"), recursive: true);
        Write("Stale/function.json");
        Assert.Equal(["handler/App is not executable",
            "handler is not a self-contained linux publish (no runtime beside the executable)",
            "function Health has no Health/function.json", "unexpected function folder Stale"],
            PackageLayout.Problems(_root, ["Health", "SyncWorker"]));
    }

    [Fact]
    public void A_missing_executable_or_host_json_is_named()
    {
        GoodLayout();
        File.Delete(Path.Combine(_root, "handler/App"));
        Assert.Contains("the executable handler/App is not in the package", PackageLayout.Problems(_root, ["Health", "SyncWorker"]));
        File.Delete(Path.Combine(_root, "host.json"));
        Assert.Equal(["no host.json at the package root"], PackageLayout.Problems(_root, []));
    }

    [Fact]
    public void The_sources_describe_a_handler_executable_named_after_the_handler_assembly()
    {
        var host = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repo.PathOf("host.json")))!;
        var executable = host["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>();
        Assert.Equal(typeof(ContactSync.Handler.Options.ProvisionedTenantsOptions).Assembly.GetName().Name,
            Path.GetFileName(executable));
        Assert.NotEmpty(DefinedFunctions());
        Assert.All(DefinedFunctions(), f => Assert.True(File.Exists(Repo.PathOf("functions", "definitions", f, "function.json"))));
    }
}
