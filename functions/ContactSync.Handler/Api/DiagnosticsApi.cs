using ContactSync.Handler.Jobs;

namespace ContactSync.Handler.Api;

/// <summary><c>/api/diagnostics/jobs</c> (admin key): create a probe job and watch it run.</summary>
public static class DiagnosticsApi
{
    public sealed record CreateJob(string? Kind, int? DurationMs);

    public static RouteGroupBuilder MapDiagnosticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/diagnostics").AddEndpointFilter<AdminKeyFilter>();
        group.MapPost("/jobs", CreateAsync);
        group.MapGet("/jobs", async (JobStore store, CancellationToken ct) =>
            TypedResults.Ok((await store.RecentAsync(JobRecord.SystemTenant, 20, ct)).Select(JobView.From)));
        group.MapGet("/jobs/{jobId}", GetAsync);
        return group;
    }

    private static async Task<IResult> CreateAsync(CreateJob? body, JobScheduler scheduler, CancellationToken ct)
    {
        var kind = body?.Kind ?? JobKinds.Probe;
        if (kind == JobKinds.Heartbeat || !JobKinds.All.Contains(kind))
            return TypedResults.Problem(statusCode: 400, title: "Unknown job kind", detail: $"kind must be '{JobKinds.Probe}' or '{JobKinds.FailAlways}'.");
        if (body?.DurationMs is < 0 or > 60_000)
            return TypedResults.Problem(statusCode: 400, title: "Bad duration", detail: "durationMs must be between 0 and 60000.");
        var job = await scheduler.EnqueueAsync(kind, body?.DurationMs ?? 0, ct);
        return TypedResults.Accepted($"/api/diagnostics/jobs/{job.JobId}", JobView.From(job));
    }

    private static async Task<IResult> GetAsync(string jobId, JobStore store, CancellationToken ct)
    {
        if (!JobIds.IsValid(jobId))
            return TypedResults.Problem(statusCode: 400, title: "Bad job id", detail: "Ids are [A-Za-z0-9._-]{1,64}.");
        return await store.GetAsync(JobRecord.SystemTenant, jobId, ct) is { } job
            ? TypedResults.Ok(JobView.From(job))
            : TypedResults.Problem(statusCode: 404, title: "No such job", detail: $"Job '{jobId}' does not exist.");
    }
}
