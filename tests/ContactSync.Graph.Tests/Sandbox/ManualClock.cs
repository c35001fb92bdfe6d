namespace ContactSync.Graph.Tests.Sandbox;

/// <summary>A clock the test moves by hand (token ages, subscription expiry).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
