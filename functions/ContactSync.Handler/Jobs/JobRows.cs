using ContactSync.Storage;

namespace ContactSync.Handler.Jobs;

/// <summary>Maps <see cref="JobRecord"/> to and from its table row.</summary>
internal static class JobRows
{
    public static TableEntity ToEntity(JobRecord j)
    {
        var e = new TableEntity(j.TenantId, j.JobId);
        var values = new Dictionary<string, object?>
        {
            ["Kind"] = j.Kind, ["State"] = j.State.ToString(), ["CreatedAt"] = j.CreatedAt, ["DurationMs"] = j.DurationMs,
            ["StartedAt"] = j.StartedAt, ["FinishedAt"] = j.FinishedAt, ["LeaseUntil"] = j.LeaseUntil,
            ["Attempts"] = j.Attempts, ["MessageId"] = j.MessageId, ["Error"] = Cap(j.Error), ["Result"] = Cap(j.Result),
            ["TargetId"] = j.TargetId, ["Section"] = j.Section, ["Phase"] = j.Progress?.Phase, ["Done"] = j.Progress?.Done,
            ["Total"] = j.Progress?.Total, ["Input"] = j.Input,
        };
        // Nulls are left out: a replace then removes the column, which is what "no value" means in a table.
        foreach (var (name, value) in values)
            if (value is not null) e[name] = value;
        return e;
    }

    public static JobRecord ToRecord(TableEntity e) => new(
        e.PartitionKey, e.RowKey,
        e.GetString("Kind") ?? "",
        Enum.TryParse<JobState>(e.GetString("State"), out var state) ? state : JobState.Queued,
        e.GetDateTime("CreatedAt") ?? e.Timestamp ?? DateTimeOffset.MinValue,
        e.GetInt32("DurationMs") ?? 0,
        e.GetDateTime("StartedAt"), e.GetDateTime("FinishedAt"), e.GetDateTime("LeaseUntil"),
        e.GetInt32("Attempts") ?? 0, e.GetString("MessageId"), e.GetString("Error"), e.GetString("Result"), e.ETag,
        e.GetString("TargetId"), e.GetString("Section"),
        e.GetString("Phase") is { } phase ? new JobProgress(phase, e.GetInt32("Done") ?? 0, e.GetInt32("Total") ?? 0) : null,
        e.GetString("Input"));

    // A remote error text can be long; Edm.String holds 32K chars (FACTS.md §3.5).
    private static string? Cap(string? s) => s is { Length: > 8000 } ? s[..8000] + "…" : s;
}
