using ContactSync.Handler.Jobs;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Targets;

namespace ContactSync.Handler.Api;

/// <summary>Sync now and job status (DESIGN.md §4): <c>POST /api/tenants/{t}/targets/{id}/sync?section=</c> → 202 with
/// the job and its URL; <c>GET /api/tenants/{t}/jobs/{jobId}</c> → state, phase, done/total, result.</summary>
public static class SyncApi
{
    public static RouteGroupBuilder MapSyncApi(this IEndpointRouteBuilder app)
    {
        var tenant = TenantRoutes.Group(app);
        tenant.MapPost("/targets/{targetId}/sync", SyncNowAsync);
        tenant.MapGet("/jobs/{jobId}", GetJobAsync);
        return tenant;
    }

    public sealed record SyncJobView(string JobId, string? TargetId, string? Section, string State, string? Phase, int Done, int Total,
        string? Result, string? Error, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int Attempts)
    {
        public static SyncJobView From(JobRecord j) => new(j.JobId, j.TargetId, j.Section, j.State.ToString().ToLowerInvariant(),
            j.Progress?.Phase, j.Progress?.Done ?? 0, j.Progress?.Total ?? 0, j.Result, j.Error, j.CreatedAt, j.StartedAt, j.FinishedAt, j.Attempts);
    }

    private static async Task<IResult> SyncNowAsync(string tenantId, string targetId, string? section, TargetStore targets,
        PolicyStore policies, JobScheduler scheduler, CancellationToken ct)
    {
        section ??= PolicySections.Contacts;
        if (!PolicySections.All.Contains(section))
            return TenantRoutes.Problem(400, "Unknown section", $"section must be one of: {string.Join(", ", PolicySections.All)}.");
        if (await targets.GetAsync(tenantId, targetId, ct) is not { } target)
            return TenantRoutes.Problem(404, "No such target", $"Target '{targetId}' does not exist.");
        if ((await policies.GetAsync(tenantId, target.PolicyId, ct))?.Section(section) is null)
            return TenantRoutes.Problem(409, "Section not in the policy", $"Policy '{target.PolicyId}' has no {section} section.");
        var job = await scheduler.EnqueueSyncAsync(tenantId, targetId, section, ct);
        return TypedResults.Accepted($"/api/tenants/{tenantId}/jobs/{job.JobId}", SyncJobView.From(job));
    }

    private static async Task<IResult> GetJobAsync(string tenantId, string jobId, JobStore jobs, CancellationToken ct)
    {
        if (!JobIds.IsValid(jobId)) return TenantRoutes.Problem(400, "Bad job id", "Ids are [A-Za-z0-9._-]{1,64}.");
        return await jobs.GetAsync(tenantId, jobId, ct) is { } job
            ? TypedResults.Ok(SyncJobView.From(job))
            : TenantRoutes.Problem(404, "No such job", $"Job '{jobId}' does not exist.");
    }
}
