using ContactSync.Handler.Jobs;

namespace ContactSync.Handler.Api;

/// <summary>A job as the API shows it (camelCase JSON).</summary>
public sealed record JobView(string TenantId, string JobId, string Kind, string State, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int Attempts, string? Result, string? Error)
{
    public static JobView From(JobRecord j) => new(j.TenantId, j.JobId, j.Kind, j.State.ToString().ToLowerInvariant(),
        j.CreatedAt, j.StartedAt, j.FinishedAt, j.Attempts, j.Result, j.Error);
}
