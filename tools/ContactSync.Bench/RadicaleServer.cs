using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContactSync.Bench;

/// <summary>
/// One Radicale (Debian's 3.1.8) on loopback for both clients of the CardDAV benchmark, from a config file: no auth,
/// owner_only rights, logging at warning, no storage hook, its storage folder on tmpfs (/dev/shm) so each write's four
/// fsyncs cost nothing (the private <c>_filesystem_fsync</c> setting cannot be set from a config file or the command
/// line), and, unless stock is asked for, the <see cref="RadicaleUidIndex"/> storage plugin.
/// </summary>
sealed class RadicaleServer(Process process, string folder, string storage, int port, string describe) : IAsyncDisposable
{
    public string Url => $"http://127.0.0.1:{port}";
    public string Describe => describe;

    public static async Task<RadicaleServer> StartAsync(bool stock)
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var folder = Directory.CreateTempSubdirectory("carddav-bench-radicale-").FullName;
        var storage = Directory.CreateDirectory(Path.Combine(root, Path.GetFileName(folder))).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, $"{RadicaleUidIndex.Module}.py"), RadicaleUidIndex.Source);
        var port = FreePort();
        var config = Path.Combine(folder, "config");
        await File.WriteAllTextAsync(config, $"""
            [server]
            hosts = 127.0.0.1:{port}
            [auth]
            type = none
            [rights]
            type = owner_only
            [storage]
            type = {(stock ? "multifilesystem" : RadicaleUidIndex.Module)}
            filesystem_folder = {storage}/collections
            hook =
            [logging]
            level = warning
            """);
        var info = new ProcessStartInfo("radicale") { ArgumentList = { "--config", config }, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["PYTHONPATH"] = folder;
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start radicale");
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RadicaleServer(process, folder, storage, port, $"storage {(stock ? "stock multifilesystem" : RadicaleUidIndex.Module)} on {root}");
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited) break;
            try { using var c = new TcpClient(); await c.ConnectAsync(IPAddress.Loopback, port); return server; }
            catch (SocketException) { await Task.Delay(100); }
        }
        await server.DisposeAsync();
        throw new InvalidOperationException($"radicale did not listen on {port}: {log}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) { process.Kill(); await process.WaitForExitAsync(); }
        process.Dispose();
        Directory.Delete(folder, true);
        if (Directory.Exists(storage)) Directory.Delete(storage, true);
    }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
