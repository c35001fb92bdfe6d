using ContactSync.Handler.Jobs;

namespace ContactSync.Handler.Tests;

/// <summary>A long run's progress reaches its job row at most once a second, the first and the last report always.</summary>
public sealed class ThrottledProgressTests
{
    [Fact]
    public async Task Reports_within_the_interval_are_dropped_except_the_last()
    {
        var clock = new StepClock();
        var written = new List<(int, int)>();
        var progress = ThrottledProgress.Every(TimeSpan.FromSeconds(1), clock, (done, total, _) => { written.Add((done, total)); return Task.CompletedTask; });

        await progress(0, 100, default);   // first: written
        clock.Advance(TimeSpan.FromMilliseconds(400));
        await progress(20, 100, default);  // 0.4 s after: dropped
        clock.Advance(TimeSpan.FromMilliseconds(700));
        await progress(40, 100, default);  // 1.1 s after the last write: written
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await progress(60, 100, default);  // dropped
        await progress(100, 100, default); // the last: written at once

        Assert.Equal([(0, 100), (40, 100), (100, 100)], written);
    }

    private sealed class StepClock : TimeProvider
    {
        private long _ticks;
        public void Advance(TimeSpan by) => _ticks += by.Ticks;
        public override long GetTimestamp() => _ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }
}
