using ContactSync.DevHost.Config;
using ContactSync.DevHost.Handler;
using ContactSync.DevHost.Http;
using ContactSync.DevHost.Queues;
using ContactSync.DevHost.Timers;
using ContactSync.Storage;
using Microsoft.AspNetCore.Builder;

namespace ContactSync.DevHost;

/// <summary>A small local Functions host for development and tests (DESIGN.md §3): reads host.json and the function.json
/// files, starts the custom handler and drives it as the Functions host does.</summary>
public sealed class DevHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _drivers = [];
    private HandlerProcess? _handler;
    private WebApplication? _http;
    private FunctionInvoker? _invoker;
    private int _disposed;

    private DevHost(HostJson host, IReadOnlyList<FunctionDefinition> functions, AppSettings settings)
    {
        Host = host; Functions = functions; Settings = settings;
    }

    public HostJson Host { get; }
    public IReadOnlyList<FunctionDefinition> Functions { get; }
    public AppSettings Settings { get; }
    /// <summary>The public address, e.g. http://127.0.0.1:7071/.</summary>
    public Uri BaseAddress { get; private set; } = null!;
    public int HandlerPort => _handler!.Port;
    public IReadOnlyList<InvocationRecord> Invocations => _invoker!.History;

    public static async Task<DevHost> StartAsync(DevHostOptions options, CancellationToken ct = default)
    {
        var root = Path.GetFullPath(options.ScriptRoot);
        var settings = AppSettings.Load(root, options.Settings);
        var hostJson = HostJson.Load(Path.Combine(root, "host.json"));
        if (options.ConfigureQueues is not null) hostJson = hostJson with { Queues = options.ConfigureQueues(hostJson.Queues) };
        var functions = FunctionDefinition.LoadAll(options.FunctionsDirectory ?? root, settings)
            .Where(f => options.Functions is null || options.Functions.Contains(f.Name)).ToList();
        var host = new DevHost(hostJson, functions, settings);
        try
        {
            await host.StartCoreAsync(options, root, ct);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(DevHostOptions options, string root, CancellationToken ct)
    {
        var log = options.Log;
        var queues = options.Queues ?? StorageAccount.Parse(Settings["AzureWebJobsStorage"]
            ?? throw new InvalidOperationException("app setting AzureWebJobsStorage is required")).CreateQueueStore();
        var command = options.Handler ?? HandlerCommand.FromHostJson(Host.Handler, root, Settings);
        log($"starting handler: {command.Executable} {string.Join(' ', command.Arguments)}");
        _handler = await HandlerProcess.StartAsync(command, Settings.Values, log, options.ReadinessTimeout, ct);
        var handlerHttp = new HttpClient { BaseAddress = _handler.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _invoker = new FunctionInvoker(new HandlerClient(handlerHttp), queues, log);

        var timers = Functions.Where(f => f.Trigger.Type == "timerTrigger").ToDictionary(f => f.Name, f => new TimerDriver(f, _invoker, log));
        _http = await HttpFrontend.StartAsync(options.HttpUrl, Host, Functions, _invoker, new HttpForwarder(handlerHttp),
            new FunctionKeys(options.FunctionKey, options.MasterKey), timers);
        BaseAddress = HttpFrontend.Address(_http);
        foreach (var timer in timers.Values) _drivers.Add(Task.Run(() => timer.RunAsync(_stop.Token)));
        foreach (var f in Functions.Where(f => f.Trigger.Type == "queueTrigger"))
        {
            var driver = new QueueDriver(f, _invoker, queues, Host.Queues, log);
            _drivers.Add(Task.Run(() => driver.RunAsync(_stop.Token)));
        }
        foreach (var f in Functions) log($"  {f.Name}: {Describe(f)}");
        log($"dev host listening on {BaseAddress}");
    }

    private string Describe(FunctionDefinition f) => f.Trigger.Type switch
    {
        "httpTrigger" => $"[{f.Trigger["authLevel"] ?? "function"}] {BaseAddress}{Host.RoutePrefix}/{f.Trigger["route"] ?? f.Name}",
        "timerTrigger" => $"timer '{f.Trigger["schedule"]}'",
        "queueTrigger" => $"queue '{f.Trigger["queueName"]}'",
        var other => other,
    };

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stop.Cancel();
        try { await Task.WhenAll(_drivers).WaitAsync(TimeSpan.FromSeconds(15)); }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException) { }
        if (_http is not null) await _http.DisposeAsync();
        if (_handler is not null) await _handler.DisposeAsync();
        _stop.Dispose();
    }
}
