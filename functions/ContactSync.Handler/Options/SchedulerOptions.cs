namespace ContactSync.Handler.Options;

/// <summary>What the Scheduler emits per tick (<c>Scheduler__*</c>). Until the per-(target, section) fan-out exists it
/// emits heartbeat jobs; more than one per tick is a load probe for the queue path.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    public int HeartbeatJobs { get; set; } = 1;
}
