using ContactSync.Handler.Api;
using ContactSync.Handler.Functions;
using ContactSync.Handler.Invocation;
using ContactSync.Handler.Jobs;

namespace ContactSync.Handler;

/// <summary>Every route the Functions host calls: <c>POST /{FunctionName}</c> for timer and queue functions (JSON
/// invocation payload), the original <c>/api/...</c> path for forwarded HTTP functions, and <c>GET /</c> for readiness.</summary>
public static class HandlerEndpoints
{
    public static WebApplication MapContactSyncHandler(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Ok(new { service = "ContactSync.Handler", status = "ready" }));

        app.MapPost($"/{SchedulerFunction.Name}", SchedulerFunction.InvokeAsync);
        app.MapPost($"/{SyncWorkerFunction.Name}", SyncWorkerFunction.InvokeAsync);
        app.MapPost($"/{SyncPoisonFunction.Name}", SyncPoisonFunction.InvokeAsync);
        app.MapPost($"/{SubscriptionRenewerFunction.Name}", SubscriptionRenewerFunction.Invoke);
        app.MapPost($"/{HubMaintenanceFunction.Name}", HubMaintenanceFunction.Invoke);

        app.MapHealthApi();
        app.MapDiagnosticsApi();
        app.MapGraphWebhookApi();
        app.MapSyncApi();
        app.MapStatusApi();
        app.MapConflictsApi();
        app.MapBackupsApi();
        app.MapManagementApi();
        return app;
    }

    /// <summary>Failures as problem details (RFC 9457), with the status that tells the host what happened.</summary>
    public static int StatusFor(Exception e) => e switch
    {
        InvalidInvocationException or BadHttpRequestException or System.Text.Json.JsonException => StatusCodes.Status400BadRequest,
        JobBusyException => StatusCodes.Status409Conflict,
        Storage.StorageException { Kind: Storage.StorageErrorKind.Throttled } => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
