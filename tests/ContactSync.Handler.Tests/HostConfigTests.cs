using ContactSync.DevHost.Config;
using ContactSync.DevHost.Handler;

namespace ContactSync.Handler.Tests;

/// <summary>The dev host reads host.json and resolves the handler command as the Functions host does.</summary>
public class HostConfigTests
{
    [Fact]
    public void The_repo_host_json_is_read_with_its_queue_and_http_settings()
    {
        var host = HostJson.Load(Path.Combine(TestEnvironment.RepoRoot, "host.json"));
        Assert.Equal(new QueuesOptions(16, 8, 5, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2)), host.Queues);
        Assert.Equal("api", host.RoutePrefix);
        Assert.True(host.EnableForwardingHttpRequest);
        Assert.Equal("handler/ContactSync.Handler", host.Handler.DefaultExecutablePath);
    }

    [Fact]
    public void Arguments_get_app_settings_and_the_executable_resolves_against_the_script_root()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "handler"));
            File.WriteAllText(Path.Combine(root, "handler", "app"), "");
            var settings = new AppSettings(new Dictionary<string, string> { ["CONN"] = "UseDevelopmentStorage=true", ["MODE"] = "fast" });

            var local = HandlerCommand.FromHostJson(new("handler/app", ["--conn", "%CONN%", "x-%MODE%-y"], "handler"), root, settings);
            Assert.Equal(new[] { "--conn", "UseDevelopmentStorage=true", "x-fast-y" }, local.Arguments);
            Assert.Equal(Path.Combine(root, "handler", "app"), local.Executable);
            Assert.Equal(Path.Combine(root, "handler"), local.WorkingDirectory);

            var onPath = HandlerCommand.FromHostJson(new("dotnet", ["handler/app.dll"], null), root, settings);
            Assert.Equal(("dotnet", root), (onPath.Executable, onPath.WorkingDirectory)); // not a file there: a command on the PATH

            var missing = Assert.Throws<InvalidOperationException>(() =>
                HandlerCommand.FromHostJson(new("dotnet", ["%NOT_SET_ANYWHERE_42%"], null), root, settings));
            Assert.Contains("NOT_SET_ANYWHERE_42", missing.Message);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void Settings_come_from_local_settings_then_the_environment_then_explicit_overrides()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "local.settings.sample.json"), """{"Values":{"A":"sample","B":"sample","C":"sample"}}""");
            var name = "B";
            var settings = AppSettings.Load(root, new Dictionary<string, string> { ["C"] = "explicit" }, includeEnvironment: false);
            Assert.Equal(("sample", "sample", "explicit"), (settings["A"], settings[name], settings["C"]));

            File.WriteAllText(Path.Combine(root, "local.settings.json"), """{"Values":{"A":"local"}}""");
            Assert.Equal("local", AppSettings.Load(root, null, includeEnvironment: false)["A"]); // local.settings.json wins over the sample
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
