using System.Diagnostics;
using ContactSync.Handler.Jobs;
using ContactSync.Handler.Options;
using Microsoft.Extensions.Options;

namespace ContactSync.Handler.Api;

/// <summary><c>GET /api/health</c>: is storage reachable, how many jobs wait, what ran recently. 503 when unhealthy.</summary>
public static class HealthApi
{
    public sealed record Health(string Status, StorageHealth Storage, QueueHealth Queue, IReadOnlyList<RecentJob> RecentJobs);
    public sealed record StorageHealth(bool Reachable, long LatencyMs, string? Error);
    public sealed record QueueHealth(string Name, string PoisonName, int QueuedJobs);
    public sealed record RecentJob(string JobId, string Kind, string State, DateTimeOffset CreatedAt);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", GetAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(JobStore store, IOptions<JobsOptions> jobs, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyList<JobRecord> recent = [];
        string? error = null;
        try { recent = await store.RecentAsync(JobRecord.SystemTenant, 50, ct); }
        catch (Exception e) when (e is Storage.StorageException or HttpRequestException) { error = e.Message; }
        var storage = new StorageHealth(error is null, watch.ElapsedMilliseconds, error);
        // The queue API here has no message count; jobs still in state queued are the depth that matters to users.
        var queue = new QueueHealth(jobs.Value.Queue, jobs.Value.PoisonQueue, recent.Count(j => j.State == JobState.Queued));
        var health = new Health(error is null ? "healthy" : "unhealthy", storage, queue,
            recent.Take(10).Select(j => new RecentJob(j.JobId, j.Kind, j.State.ToString().ToLowerInvariant(), j.CreatedAt)).ToList());
        return TypedResults.Json(health, statusCode: error is null ? 200 : 503);
    }
}
