using ContactSync.Handler.Invocation;
using ContactSync.Handler.Webhooks;

namespace ContactSync.Handler.Functions;

/// <summary>Timer: keeps one Graph subscription per synced mailbox resource (M24): creates the missing, renews those
/// expiring within the margin, recreates the lost and deletes those of removed targets.</summary>
public static class SubscriptionRenewerFunction
{
    public const string Name = "SubscriptionRenewer";
    public const string Trigger = "timer";

    public static async Task<InvocationResponse> Invoke(InvocationRequest request, SubscriptionManager subscriptions,
        ILogger<SubscriptionManager> log, CancellationToken ct)
    {
        var timer = TriggerValue.Read<TimerInfo>(request.DataOf(Trigger), HandlerJson.Options);
        var summary = await subscriptions.RenewAllAsync(ct);
        log.LogInformation("SubscriptionRenewer (past due: {IsPastDue}): {Summary}", timer.IsPastDue, summary.ToString());
        return InvocationResponse.WithLogs($"subscriptions: {summary}");
    }
}
