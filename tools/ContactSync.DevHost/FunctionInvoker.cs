using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ContactSync.DevHost.Config;
using ContactSync.DevHost.Handler;
using ContactSync.DevHost.Queues;
using ContactSync.Storage;

namespace ContactSync.DevHost;

/// <summary>One invocation as the host performs it: payload in, handler <c>Logs</c> printed, queue outputs written
/// after a 2xx only.</summary>
public sealed class FunctionInvoker(HandlerClient client, IQueueStore queues, Action<string> log)
{
    private readonly ConcurrentDictionary<string, Task> _createdQueues = new();
    private readonly ConcurrentQueue<InvocationRecord> _history = new();

    public IReadOnlyList<InvocationRecord> History => _history.ToArray();

    public async Task<InvocationResult> InvokeAsync(FunctionDefinition function, JsonObject data, JsonObject metadata, CancellationToken ct)
    {
        metadata["sys"] = new JsonObject
        {
            ["MethodName"] = function.Name, ["UtcNow"] = DateTimeOffset.UtcNow.ToString("O"), ["RandGuid"] = Guid.NewGuid().ToString(),
        };
        var started = DateTimeOffset.UtcNow;
        InvocationResult result;
        try
        {
            result = await client.InvokeAsync(function.Name, new JsonObject { ["Data"] = data, ["Metadata"] = metadata }, ct);
        }
        catch (HttpRequestException e)
        {
            result = new InvocationResult(false, 0, null, [], null, e.Message);
        }
        foreach (var line in result.Logs) log($"[{function.Name}] {line}");
        if (result.Succeeded) await WriteQueueOutputsAsync(function, result, ct);
        else log($"[{function.Name}] failed ({result.StatusCode}): {Shorten(result.Body)}");
        _history.Enqueue(new InvocationRecord(function.Name, started, result.Succeeded, result.StatusCode, data.ToJsonString(), metadata.ToJsonString()));
        while (_history.Count > 1000) _history.TryDequeue(out _);
        return result;
    }

    private async Task WriteQueueOutputsAsync(FunctionDefinition function, InvocationResult result, CancellationToken ct)
    {
        foreach (var binding in function.Outputs.Where(b => b.Type == "queue"))
        {
            var queue = binding["queueName"] ?? throw new InvalidOperationException($"{function.Name}: output '{binding.Name}' has no queueName");
            var messages = QueueOutputs.ToMessages(result.Output(binding.Name), w => log($"[{function.Name}] warning: {w}"));
            if (messages.Count == 0) continue;
            await EnsureQueueAsync(queue, ct);
            foreach (var m in messages) await queues.PutAsync(queue, m, ct: ct);
        }
    }

    public async Task EnsureQueueAsync(string queue, CancellationToken ct)
    {
        var creating = _createdQueues.GetOrAdd(queue, q => queues.CreateIfNotExistsAsync(q, ct));
        try { await creating; }
        catch { _createdQueues.TryRemove(queue, out _); throw; } // try again next time
    }

    private static string Shorten(string s) => s.Length <= 500 ? s : s[..500] + "…";
}

/// <summary>What the dev host sent and how the handler answered.</summary>
public sealed record InvocationRecord(string Function, DateTimeOffset Started, bool Succeeded, int StatusCode, string Data, string Metadata);
