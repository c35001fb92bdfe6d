using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactSync.Handler.Invocation;

/// <summary>What the Functions host POSTs to <c>/{FunctionName}</c> (FACTS.md §1.4): one <c>Data</c> entry per trigger or
/// input binding, and the trigger's metadata.</summary>
public sealed record InvocationRequest(
    [property: JsonPropertyName("Data")] Dictionary<string, JsonElement>? Data,
    [property: JsonPropertyName("Metadata")] Dictionary<string, JsonElement>? Metadata)
{
    public JsonElement DataOf(string binding) =>
        Data is not null && Data.TryGetValue(binding, out var value) ? value : throw new InvalidInvocationException($"Data has no '{binding}'");

    public JsonElement? MetadataOf(string key) => Metadata is not null && Metadata.TryGetValue(key, out var value) ? value : null;
}

/// <summary>What the handler answers (FACTS.md §1.5). Property names are PascalCase as the host's own types are.</summary>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] Dictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue = null)
{
    public static InvocationResponse WithLogs(params string[] logs) => new([], logs);
}

/// <summary>The payload did not have the shape the function's bindings promise: a 400, which fails the invocation.</summary>
public sealed class InvalidInvocationException(string message) : Exception(message);
