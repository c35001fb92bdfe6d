using ContactSync.Handler.Invocation;

namespace ContactSync.Handler.Functions;

/// <summary>Timer: renews Graph subscriptions before they expire (M24). No subscriptions are kept yet, so a tick only
/// confirms the schedule runs.</summary>
public static class SubscriptionRenewerFunction
{
    public const string Name = "SubscriptionRenewer";
    public const string Trigger = "timer";

    public static InvocationResponse Invoke(InvocationRequest request, ILogger<InvocationRequest> log)
    {
        var timer = TriggerValue.Read<TimerInfo>(request.DataOf(Trigger), HandlerJson.Options);
        log.LogInformation("SubscriptionRenewer tick (past due: {IsPastDue}); no subscriptions kept yet", timer.IsPastDue);
        return InvocationResponse.WithLogs("renewed 0 subscription(s)");
    }
}
