using ContactSync.Hub.Scheduling;

namespace ContactSync.Hub.Tests.Scheduling;

public class IntervalTests
{
    [Theory]
    [InlineData("PT10M", 10)]
    [InlineData("PT5M", 5)]
    [InlineData("PT1H30M", 90)]
    [InlineData("pt2h", 120)]
    [InlineData("P1D", 1440)]
    [InlineData("P1DT12H", 2160)]
    [InlineData("P1W", 10080)]
    [InlineData("PT300S", 5)]
    public void Durations_parse_to_their_length(string text, int minutes)
    {
        Assert.True(Interval.TryParse(text, out var interval, out var error), error);
        Assert.Equal(IntervalKind.Every, interval.Kind);
        Assert.Equal(TimeSpan.FromMinutes(minutes), interval.Period);
    }

    [Theory]
    [InlineData("off", IntervalKind.Off)]
    [InlineData("daily", IntervalKind.Daily)]
    [InlineData("Weekly", IntervalKind.Weekly)]
    [InlineData("monthly", IntervalKind.Monthly)]
    public void Named_intervals(string text, IntervalKind kind) => Assert.Equal(kind, Interval.Parse(text).Kind);

    [Theory]
    [InlineData("PT1M", "PT1M is shorter than the 5-minute minimum")]
    [InlineData("PT4M59S", "PT4M59S is shorter than the 5-minute minimum")]
    [InlineData("PT0M", "shorter than the 5-minute minimum")]
    [InlineData("P1M", "is not an interval")]
    [InlineData("P1Y", "is not an interval")]
    [InlineData("PT", "is not an interval")]
    [InlineData("P", "is not an interval")]
    [InlineData("", "is not an interval")]
    [InlineData("hourly", "is not an interval")]
    [InlineData("10 minutes", "is not an interval")]
    public void Bad_intervals_say_why(string text, string expected)
    {
        Assert.False(Interval.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("PT1H30M", "PT1H30M")]
    [InlineData("PT90M", "PT1H30M")]
    [InlineData("P1D", "P1D")]
    [InlineData("P1DT30M", "P1DT30M")]
    [InlineData("daily", "daily")]
    [InlineData("OFF", "off")]
    public void Canonical_text_round_trips(string text, string canonical)
    {
        var interval = Interval.Parse(text);
        Assert.Equal(canonical, interval.ToString());
        Assert.Equal(interval, Interval.Parse(interval.ToString()));
    }
}
