namespace ContactSync.Handler.Jobs;

/// <summary>The engine reports after every batch (20 writes for Graph); a job's progress row is written at most once per
/// <c>interval</c>, and always for the first and the last report, so a long run shows movement without a table write per batch.</summary>
public static class ThrottledProgress
{
    public static Func<int, int, CancellationToken, Task> Every(TimeSpan interval, TimeProvider clock, Func<int, int, CancellationToken, Task> report)
    {
        long? last = null;
        return async (done, total, ct) =>
        {
            if (last is { } at && done < total && clock.GetElapsedTime(at) < interval) return;
            last = clock.GetTimestamp();
            await report(done, total, ct);
        };
    }
}
