using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContactSync.Devices.Tests.CardDav;

/// <summary>
/// A Radicale for the CardDAV tests: the one CONTACTSYNC_TEST_CARDDAV_URL names (a server root accepting basic auth as
/// user "contactsync"), else a process started here on a free loopback port with a temporary storage folder. Without
/// either the tests fail: they never pass without a server.
/// </summary>
public sealed class Radicale : IAsyncLifetime
{
    public const string User = "contactsync";
    Process? process;
    string? folder;

    public string BaseUrl { get; private set; } = "";

    /// <summary>A fresh, not yet existing address-book collection URL (the store creates it).</summary>
    public string NewCollection() => $"{BaseUrl}/{User}/{Guid.NewGuid():n}/";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("CONTACTSYNC_TEST_CARDDAV_URL") is { Length: > 0 } url)
        {
            BaseUrl = url.TrimEnd('/');
            return;
        }
        (process, folder, BaseUrl) = await StartAsync();
    }

    public static async Task<(Process Process, string Folder, string BaseUrl)> StartAsync()
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("radicale-").FullName;
        var info = new ProcessStartInfo("radicale")
        {
            ArgumentList = { "--server-hosts", $"127.0.0.1:{port}", "--auth-type", "none", "--rights-type", "owner_only",
                "--storage-filesystem-folder", Path.Combine(folder, "collections"), "--logging-level", "warning" },
            RedirectStandardError = true, RedirectStandardOutput = true,
        };
        Process process;
        try { process = Process.Start(info)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("No CardDAV server: set CONTACTSYNC_TEST_CARDDAV_URL or install radicale (apt-get install -y radicale)", e);
        }
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return (process, folder, $"http://127.0.0.1:{port}");
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        process.Kill();
        throw new InvalidOperationException($"radicale did not listen on {port}");
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false }) { process.Kill(); process.WaitForExit(); }
        process?.Dispose();
        if (folder is not null) Directory.Delete(folder, true);
        return Task.CompletedTask;
    }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class RadicaleCollection : ICollectionFixture<Radicale>
{
    public const string Name = "radicale";
}
