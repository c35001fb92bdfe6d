using System.Text.Json;
using System.Text.Json.Nodes;
using ContactSync.DevHost.Config;
using ContactSync.Storage;

namespace ContactSync.DevHost.Queues;

/// <summary>A queue trigger as the host runs it (FACTS.md §2.1): poll with back-off up to maxPollingInterval, fetch up to
/// batchSize, run them in parallel and fetch more when in-flight drops to newBatchThreshold; delete on success; on
/// failure make the message visible again after visibilityTimeout; after maxDequeueCount attempts move it to
/// <c>&lt;queue&gt;-poison</c>.</summary>
public sealed class QueueDriver(FunctionDefinition function, FunctionInvoker invoker, IQueueStore queues,
    QueuesOptions options, Action<string> log)
{
    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Processing = TimeSpan.FromMinutes(10); // what storage applies if the host dies
    private readonly List<Task> _running = []; // touched only by the polling loop
    private readonly SemaphoreSlim _finished = new(0);
    private int _inFlight;

    public string Queue { get; } = function.Trigger["queueName"] ?? throw new InvalidOperationException($"{function.Name}: queueTrigger has no queueName");

    public async Task RunAsync(CancellationToken ct)
    {
        await invoker.EnsureQueueAsync(Queue, ct);
        var delay = MinPoll;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                while (Volatile.Read(ref _inFlight) > options.NewBatchThreshold) await _finished.WaitAsync(ct);
                IReadOnlyList<QueueMessage> batch;
                try { batch = await queues.GetAsync(Queue, options.BatchSize, Processing, ct); }
                catch (Exception e) when (e is StorageException or HttpRequestException)
                {
                    log($"queue {Queue}: polling failed: {e.Message}");
                    batch = [];
                }
                if (batch.Count == 0)
                {
                    await Task.Delay(delay, ct);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollingInterval.Ticks));
                    continue;
                }
                delay = MinPoll;
                _running.RemoveAll(t => t.IsCompleted);
                foreach (var message in batch)
                {
                    Interlocked.Increment(ref _inFlight);
                    _running.Add(Task.Run(() => ProcessAsync(message, ct), CancellationToken.None));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        await Task.WhenAll(_running);
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken ct)
    {
        try
        {
            if (message.DequeueCount > options.MaxDequeueCount) { await PoisonAsync(message, ct); return; }
            var result = await invoker.InvokeAsync(function, Data(message), Metadata(message), ct);
            if (result.Succeeded) await queues.DeleteAsync(Queue, message.MessageId, message.PopReceipt, ct);
            else if (message.DequeueCount >= options.MaxDequeueCount) await PoisonAsync(message, ct);
            else await queues.UpdateVisibilityAsync(Queue, message, options.VisibilityTimeout, ct);
        }
        catch (Exception e) when (e is StorageException or HttpRequestException or OperationCanceledException)
        {
            // The message stays hidden and comes back when its processing visibility runs out, as after a host crash.
            if (!ct.IsCancellationRequested) log($"queue {Queue}: message {message.MessageId}: {e.Message}");
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            _finished.Release();
        }
    }

    private async Task PoisonAsync(QueueMessage message, CancellationToken ct)
    {
        var poison = Queue + "-poison";
        await invoker.EnsureQueueAsync(poison, ct);
        await queues.PutAsync(poison, message.Text, ct: ct);
        await queues.DeleteAsync(Queue, message.MessageId, message.PopReceipt, ct);
        log($"queue {Queue}: message {message.MessageId} moved to {poison} after {message.DequeueCount} attempts");
    }

    // The host serializes a string trigger value once more (FACTS.md §1.4), so Data carries JSON text of the message text.
    private JsonObject Data(QueueMessage m) => new() { [function.Trigger.Name] = JsonSerializer.Serialize(m.Text) };

    private static JsonObject Metadata(QueueMessage m) => new()
    {
        ["DequeueCount"] = m.DequeueCount,
        ["ExpirationTime"] = m.ExpirationTime.ToString("O"),
        ["Id"] = m.MessageId,
        ["InsertionTime"] = m.InsertionTime.ToString("O"),
        ["NextVisibleTime"] = m.NextVisibleTime.ToString("O"),
        ["PopReceipt"] = m.PopReceipt,
    };
}
