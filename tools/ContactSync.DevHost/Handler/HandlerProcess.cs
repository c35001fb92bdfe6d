using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContactSync.DevHost.Handler;

/// <summary>The handler process: started with FUNCTIONS_CUSTOMHANDLER_PORT and the app settings, its output echoed,
/// ready once <c>GET /</c> gets any HTTP answer (FACTS.md §1.1), killed with its children on dispose.</summary>
public sealed class HandlerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Action<string> _log;

    private HandlerProcess(Process process, int port, Action<string> log) { _process = process; Port = port; _log = log; }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public static async Task<HandlerProcess> StartAsync(HandlerCommand command, IReadOnlyDictionary<string, string> settings,
        Action<string> log, TimeSpan readinessTimeout, CancellationToken ct)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(command.Executable)
        {
            WorkingDirectory = command.WorkingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in command.Arguments) info.ArgumentList.Add(a);
        foreach (var (k, v) in settings) info.Environment[k] = v;
        info.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {command.Executable}");
        var handler = new HandlerProcess(process, port, log);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log($"[handler] {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log($"[handler!] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await handler.WaitReadyAsync(readinessTimeout, ct);
            return handler;
        }
        catch
        {
            await handler.DisposeAsync();
            throw;
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(ct); // drains its output, which says why
                throw new InvalidOperationException($"the handler exited with code {_process.ExitCode} before it was ready");
            }
            try
            {
                using var _ = await http.GetAsync(BaseAddress, ct);
                _log($"handler ready on 127.0.0.1:{Port} after {deadline.ElapsedMilliseconds} ms");
                return;
            }
            catch (HttpRequestException) { await Task.Delay(100, ct); } // a socket error means "not yet"
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
        }
        throw new TimeoutException($"the handler did not answer on 127.0.0.1:{Port} within {timeout.TotalSeconds:F0} s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _process.WaitForExitAsync(cts.Token); } catch (OperationCanceledException) { } // also drains output
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
