using ContactSync.Handler.Invocation;
using ContactSync.Handler.Maintenance;

namespace ContactSync.Handler.Functions;

/// <summary>Timer: prunes what the hub only adds to (change feed, run records, finished jobs) past its retention.</summary>
public static class HubMaintenanceFunction
{
    public const string Name = "HubMaintenance";
    public const string Trigger = "timer";

    public static async Task<InvocationResponse> Invoke(InvocationRequest request, HubMaintenance maintenance,
        ILogger<HubMaintenance> log, CancellationToken ct)
    {
        var timer = TriggerValue.Read<TimerInfo>(request.DataOf(Trigger), HandlerJson.Options);
        var summary = await maintenance.RunAsync(ct);
        log.LogInformation("HubMaintenance (past due: {IsPastDue}): {Summary}", timer.IsPastDue, summary.ToString());
        return InvocationResponse.WithLogs($"maintenance: {summary}");
    }
}
