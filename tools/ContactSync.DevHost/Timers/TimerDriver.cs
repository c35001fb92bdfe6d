using System.Text.Json.Nodes;
using ContactSync.DevHost.Config;

namespace ContactSync.DevHost.Timers;

/// <summary>Fires a timer function on its NCRONTAB schedule with the TimerInfo payload (FACTS.md §1.4).
/// ScheduleStatus is null for schedules under a minute, as the host leaves those unmonitored.</summary>
public sealed class TimerDriver(FunctionDefinition function, FunctionInvoker invoker, Action<string> log)
{
    private readonly CronSchedule _schedule = CronSchedule.Parse(function.Trigger["schedule"]
        ?? throw new InvalidOperationException($"{function.Name}: timerTrigger has no schedule"));

    public async Task RunAsync(CancellationToken ct)
    {
        if (function.Trigger.Properties.TryGetValue("runOnStartup", out var r) && r?.GetValue<bool>() == true)
            await FireAsync(DateTimeOffset.UtcNow, ct);
        var after = DateTimeOffset.UtcNow;
        while (!ct.IsCancellationRequested && _schedule.Next(after) is { } next)
        {
            var wait = next - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            // A failed run is not retried (as in the host) and must not stop the schedule.
            try { await FireAsync(next, ct); }
            catch (Exception e) when (e is not OperationCanceledException) { log($"timer {function.Name}: {e.Message}"); }
            after = next;
        }
    }

    /// <summary>One invocation for the occurrence <paramref name="scheduled"/> (also used by the admin endpoint).</summary>
    public Task FireAsync(DateTimeOffset scheduled, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var following = _schedule.Next(scheduled);
        var monitored = following is { } f && _schedule.Next(f) is { } f2 && f2 - f >= TimeSpan.FromMinutes(1);
        var timer = new JsonObject
        {
            ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = monitored
                ? new JsonObject { ["Last"] = now.ToString("O"), ["Next"] = following!.Value.ToString("O"), ["LastUpdated"] = now.ToString("O") }
                : null,
            ["IsPastDue"] = now - scheduled > TimeSpan.FromSeconds(5),
        };
        log($"timer {function.Name} fired for {scheduled:HH:mm:ss}");
        return invoker.InvokeAsync(function, new JsonObject { [function.Trigger.Name] = timer }, new JsonObject(), ct);
    }
}
