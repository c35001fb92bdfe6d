using ContactSync.DevHost.Config;
using ContactSync.DevHost.Handler;
using ContactSync.Storage;

namespace ContactSync.DevHost;

/// <summary>What to run and where. Ports and storage are injectable so tests never clash with a running demo.</summary>
public sealed record DevHostOptions
{
    /// <summary>The folder with host.json (and local.settings*.json).</summary>
    public required string ScriptRoot { get; init; }
    /// <summary>Where the function folders are; the script root in the deployable layout.</summary>
    public string? FunctionsDirectory { get; init; }
    /// <summary>Overrides host.json's customHandler.description (the source layout runs the built dll with dotnet).</summary>
    public HandlerCommand? Handler { get; init; }
    /// <summary>App settings over local.settings.json and the environment.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
    /// <summary>Only these functions (like <c>func start --functions</c>); all when null.</summary>
    public IReadOnlySet<string>? Functions { get; init; }
    /// <summary>The public HTTP address; port 0 picks a free one.</summary>
    public string HttpUrl { get; init; } = "http://127.0.0.1:7071";
    /// <summary>The queue store; by default from the <c>AzureWebJobsStorage</c> setting.</summary>
    public IQueueStore? Queues { get; init; }
    /// <summary>Adjusts host.json's <c>extensions.queues</c> (tests shorten the timings).</summary>
    public Func<QueuesOptions, QueuesOptions>? ConfigureQueues { get; init; }
    public string FunctionKey { get; init; } = "dev-function-key";
    public string MasterKey { get; init; } = "dev-master-key";
    public TimeSpan ReadinessTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public Action<string> Log { get; init; } = Console.WriteLine;

    /// <summary>The source layout: host.json at the repo root, definitions in functions/definitions, the handler as the
    /// built <c>functions/ContactSync.Handler/bin/{configuration}/net10.0/ContactSync.Handler.dll</c> run with dotnet.</summary>
    public static DevHostOptions ForSourceLayout(string repoRoot, string configuration = "Debug") => new()
    {
        ScriptRoot = repoRoot,
        FunctionsDirectory = Path.Combine(repoRoot, "functions", "definitions"),
        Handler = new HandlerCommand("dotnet",
            [Path.Combine(repoRoot, "functions", "ContactSync.Handler", "bin", configuration, "net10.0", "ContactSync.Handler.dll")], repoRoot),
    };
}
