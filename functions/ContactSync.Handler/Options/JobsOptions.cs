namespace ContactSync.Handler.Options;

/// <summary>Where jobs live (<c>Jobs__*</c>). The queue name comes from the app setting <c>SYNC_JOBS_QUEUE</c>, the
/// same setting the function.json files name as <c>%SYNC_JOBS_QUEUE%</c>, so host and handler can never disagree.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";
    public const string QueueSetting = "SYNC_JOBS_QUEUE";

    public string Table { get; set; } = "jobs";
    public string Queue { get; set; } = "sync-jobs";
    public string PoisonQueue => Queue + "-poison";

    /// <summary>How long a running job is held; a redelivered message may retake it after that (a crashed worker).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}
