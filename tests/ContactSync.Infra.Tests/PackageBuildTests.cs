using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ContactSync.Infra.Tests.Reading;
using Xunit.Abstractions;

namespace ContactSync.Infra.Tests;

/// <summary>The real package, built by ./pack.sh as azd's prepackage hook builds it: its layout is what host.json
/// describes, the zip azure.yaml deploys holds it at the root, and the executable host.json names starts and answers
/// the host's readiness probe within Flex Consumption's 30 s.</summary>
public sealed class PackageBuildTests(ITestOutputHelper output)
{
    private sealed record Package(string App, string Zip);

    [Fact]
    public async Task The_package_has_the_layout_host_json_describes_and_its_handler_starts()
    {
        var clock = Stopwatch.StartNew();
        var package = await PackAsync();
        output.WriteLine($"pack.sh built the package in {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Empty(PackageLayout.Problems(package.App, PackageLayoutTests.DefinedFunctions()));
        Assert.Equal(File.ReadAllText(Repo.PathOf("host.json")), File.ReadAllText(Path.Combine(package.App, "host.json")));
        foreach (var function in PackageLayoutTests.DefinedFunctions())
            Assert.Equal(File.ReadAllText(Repo.PathOf("functions", "definitions", function, "function.json")),
                File.ReadAllText(Path.Combine(package.App, function, "function.json")));
        Assert.Empty(PackageLayout.ZipProblems(package.Zip, package.App));

        var started = await StartsAsync(package.App);
        output.WriteLine($"handler answered the readiness probe after {started.TotalSeconds:F1} s");
        Assert.True(started < TimeSpan.FromSeconds(30), $"the handler took {started.TotalSeconds:F1} s to answer");
    }

    private static async Task<Package> PackAsync()
    {
        var pack = Repo.PathOf("pack.sh");
        Assert.True(File.Exists(pack), "pack.sh is missing: azure.yaml's prepackage hook runs it");
        using var process = Process.Start(new ProcessStartInfo("bash", [pack])
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"pack.sh failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        return new(Repo.PathOf("artifacts", "app"), Repo.PathOf("artifacts", "contactsync.zip"));
    }

    /// <summary>Runs the executable as the Functions host does (port in FUNCTIONS_CUSTOMHANDLER_PORT, the sample's
    /// local settings and the test storage as environment) and waits for any HTTP answer on <c>/</c>, the host's readiness check.</summary>
    private static async Task<TimeSpan> StartsAsync(string app)
    {
        var executable = JsonNode.Parse(File.ReadAllText(Path.Combine(app, "host.json")))!["customHandler"]!["description"]!
            ["defaultExecutablePath"]!.GetValue<string>();
        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(app, executable)) { WorkingDirectory = app, RedirectStandardOutput = true, RedirectStandardError = true };
        var settings = JsonNode.Parse(File.ReadAllText(Repo.PathOf("local.settings.sample.json")))!["Values"]!.AsObject();
        foreach (var (key, value) in settings) start.Environment[key] = value?.GetValue<string>();
        // Azurite from CONTACTSYNC_TEST_STORAGE (test.sh sets it), else its default ports, as the other suites do.
        start.Environment["AzureWebJobsStorage"] =
            Environment.GetEnvironmentVariable("CONTACTSYNC_TEST_STORAGE") is { Length: > 0 } s ? s : "UseDevelopmentStorage=true";
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (process.HasExited) throw new Xunit.Sdk.XunitException($"the handler exited with {process.ExitCode}: {await errors}");
                try
                {
                    using var _ = await http.GetAsync($"http://127.0.0.1:{port}/");
                    return clock.Elapsed;
                }
                catch (HttpRequestException) { await Task.Delay(100); }
                catch (TaskCanceledException) { }
            }
            throw new Xunit.Sdk.XunitException("the handler never answered on " + port);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(exit.Token);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
