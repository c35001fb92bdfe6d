using ContactSync.Handler.Invocation;
using ContactSync.Handler.Jobs;

namespace ContactSync.Handler.Functions;

/// <summary>Timer: emits the due jobs through the <c>jobs</c> queue output (an array: one message per job).</summary>
public static class SchedulerFunction
{
    public const string Name = "Scheduler";
    public const string Trigger = "timer";
    public const string JobsOutput = "jobs";

    public static async Task<InvocationResponse> InvokeAsync(InvocationRequest request, JobScheduler scheduler,
        ILogger<JobScheduler> log, CancellationToken ct)
    {
        var timer = TriggerValue.Read<TimerInfo>(request.DataOf(Trigger), HandlerJson.Options);
        if (timer.IsPastDue) log.LogWarning("Scheduler tick is past due (last {Last})", timer.ScheduleStatus?.Last);
        var jobs = await scheduler.CreateDueJobsAsync(ct);
        return new InvocationResponse(new() { [JobsOutput] = jobs }, [$"scheduled {jobs.Count} job(s)"]);
    }
}
