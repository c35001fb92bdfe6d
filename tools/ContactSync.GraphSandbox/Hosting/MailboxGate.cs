using ContactSync.GraphSandbox.State;
using ContactSync.GraphSandbox.Throttling;

namespace ContactSync.GraphSandbox.Hosting;

/// <summary>In front of every Outlook (mailbox) request: resolves the mailbox, checks the tenant, applies throttling
/// per (app, mailbox), injected latency and faults, and keeps the mailbox's counters.</summary>
public sealed class MailboxGate(RequestDelegate next, SandboxState state, Throttler throttler)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (segments is not ["v1.0", "users", _, "contacts" or "contactFolders", ..])
        {
            await next(context);
            return;
        }
        var mailbox = state.FindMailbox(Uri.UnescapeDataString(segments[2]));
        var caller = Caller.Of(context);
        if (mailbox is null)
        {
            await ErrorMiddleware.Write(context, 404, "ErrorInvalidUser", $"The requested user '{Uri.UnescapeDataString(segments[2])}' is invalid.");
            return;
        }
        if (!string.Equals(mailbox.User.TenantId, caller.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            await ErrorMiddleware.Write(context, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
            return;
        }
        var counters = state.CountersFor(mailbox.User.Id);
        counters.Request();
        var admission = throttler.TryEnter(caller.AppId, mailbox.User.Id, state.Throttling);
        if (!admission.Admitted)
        {
            counters.Throttled();
            context.Response.Headers.RetryAfter = admission.RetryAfterSeconds.ToString();
            await ErrorMiddleware.Write(context, 429, "ApplicationThrottled", $"Application is over its {admission.Limit} limit.");
            return;
        }
        counters.Enter();
        try
        {
            await Serve(context, mailbox.User.Id, counters);
        }
        finally
        {
            counters.Leave();
            throttler.Leave(caller.AppId, mailbox.User.Id);
        }
    }

    async Task Serve(HttpContext context, string mailboxId, MailboxCounters counters)
    {
        var faults = state.FaultsFor(mailboxId);
        if (faults.LatencyMs > 0) await Task.Delay(faults.LatencyMs, context.RequestAborted);
        if (TakeFault(mailboxId, faults))
        {
            counters.Fault();
            await ErrorMiddleware.Write(context, 503, "ServiceNotAvailable", "The service is temporarily unavailable. Please try again later.");
            return;
        }
        context.Items["mailboxId"] = mailboxId;
        if (Graph.Query.WantsImmutableIds(context.Request)) Graph.Query.Applied(context, "IdType=\"ImmutableId\"");
        await next(context);
        if (!HttpMethods.IsGet(context.Request.Method) && context.Response.StatusCode is >= 200 and < 300) counters.Write();
    }

    bool TakeFault(string mailboxId, FaultSettings faults)
    {
        lock (state.MailboxFaults)
        {
            faults = state.FaultsFor(mailboxId);
            if (faults.NextFaults <= 0) return faults.FaultRate > 0 && Random.Shared.NextDouble() < faults.FaultRate;
            var remaining = faults with { NextFaults = faults.NextFaults - 1 };
            if (state.MailboxFaults.ContainsKey(mailboxId)) state.MailboxFaults[mailboxId] = remaining;
            else state.GlobalFaults = remaining;
            return true;
        }
    }
}
