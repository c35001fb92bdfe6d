namespace ContactSync.Handler.Maintenance;

/// <summary>How long the hub keeps what only grows (<c>Maintenance__*</c>), pruned by the HubMaintenance timer.</summary>
public sealed class MaintenanceSettings
{
    public const string Section = "Maintenance";

    /// <summary>Change-feed rows older than this go; a sync token older than that then gets a full listing.</summary>
    public int ChangeFeedDays { get; set; } = 45;

    /// <summary>Run records older than this go, except the newest <see cref="KeepRuns"/> of each (target, section).</summary>
    public int RunDays { get; set; } = 30;

    public int KeepRuns { get; set; } = 20;

    /// <summary>Succeeded and failed jobs that finished longer ago than this go; queued and running ones never do. At least
    /// 7: a queue message lives 7 days, and one whose job row is gone would run the job again.</summary>
    public int JobDays { get; set; } = 7;
}
