namespace ContactSync.Handler.Maintenance;

/// <summary>What one HubMaintenance pass removed, and what it could not do (tenant ids, or <c>jobs</c>).</summary>
public sealed record MaintenanceSummary(int Tenants, int ChangeFeedRows, int Runs, int Jobs, IReadOnlyList<string> Failed)
{
    public override string ToString() =>
        $"{Tenants} tenant(s): removed {ChangeFeedRows} change-feed row(s), {Runs} run(s), {Jobs} job(s); " +
        (Failed.Count == 0 ? "no failures" : $"failed: {string.Join(", ", Failed)}");
}
