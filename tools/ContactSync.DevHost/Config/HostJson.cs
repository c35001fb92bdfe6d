using System.Text.Json.Nodes;

namespace ContactSync.DevHost.Config;

/// <summary>The parts of host.json the dev host honours (FACTS.md §1.2, §2.1).</summary>
public sealed record HostJson(CustomHandlerDescription Handler, bool EnableForwardingHttpRequest, QueuesOptions Queues,
    string RoutePrefix)
{
    public static HostJson Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })?.AsObject()
            ?? throw new InvalidDataException($"{path} is empty");
        var custom = root["customHandler"]?.AsObject() ?? throw new InvalidDataException($"{path} has no customHandler");
        var description = custom["description"]?.AsObject() ?? throw new InvalidDataException($"{path} has no customHandler.description");
        var handler = new CustomHandlerDescription(
            (string?)description["defaultExecutablePath"] ?? throw new InvalidDataException($"{path}: defaultExecutablePath is required"),
            description["arguments"]?.AsArray().Select(a => (string)a!).ToList() ?? [],
            (string?)description["workingDirectory"]);
        var queues = root["extensions"]?["queues"]?.AsObject();
        var defaults = new QueuesOptions();
        var batchSize = Math.Clamp((int?)queues?["batchSize"] ?? defaults.BatchSize, 1, 32);
        return new HostJson(handler, (bool?)custom["enableForwardingHttpRequest"] ?? false,
            new QueuesOptions(
                batchSize,
                (int?)queues?["newBatchThreshold"] ?? batchSize / 2,
                (int?)queues?["maxDequeueCount"] ?? defaults.MaxDequeueCount,
                Span(queues?["visibilityTimeout"]) ?? defaults.VisibilityTimeout,
                Span(queues?["maxPollingInterval"]) ?? defaults.MaxPollingInterval),
            ((string?)root["extensions"]?["http"]?["routePrefix"] ?? "api").Trim('/'));
    }

    private static TimeSpan? Span(JsonNode? node) => node is null ? null : TimeSpan.Parse((string)node!);
}

/// <param name="DefaultExecutablePath">A file relative to the script root, or a command on the PATH (e.g. dotnet).</param>
/// <param name="Arguments">Arguments; <c>%NAME%</c> is replaced with the app setting.</param>
/// <param name="WorkingDirectory">Relative to the script root; the script root when null.</param>
public sealed record CustomHandlerDescription(string DefaultExecutablePath, IReadOnlyList<string> Arguments, string? WorkingDirectory);

/// <summary><c>extensions.queues</c>, with the Functions defaults of local development.</summary>
public sealed record QueuesOptions(
    int BatchSize = 16,
    int NewBatchThreshold = 8,
    int MaxDequeueCount = 5,
    TimeSpan VisibilityTimeout = default,
    TimeSpan MaxPollingInterval = default)
{
    public TimeSpan MaxPollingInterval { get; init; } = MaxPollingInterval == default ? TimeSpan.FromSeconds(2) : MaxPollingInterval;
}
