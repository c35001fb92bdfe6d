using ContactSync.DevHost.Timers;

namespace ContactSync.Handler.Tests;

public class CronScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 24, 13, 8, 0, TimeSpan.Zero); // a Thursday

    [Theory]
    [InlineData("0 * * * * *", "2026-09-24T13:09:00")]
    [InlineData("* * * * * *", "2026-09-24T13:08:01")]
    [InlineData("*/15 * * * * *", "2026-09-24T13:08:15")]
    [InlineData("0 */5 * * * *", "2026-09-24T13:10:00")]
    [InlineData("0 0 2 * * *", "2026-09-25T02:00:00")]
    [InlineData("30 15 9-17 * * *", "2026-09-24T13:15:30")]
    [InlineData("0 0,30 8,20 * * *", "2026-09-24T20:00:00")]
    [InlineData("0 0 0 1 * *", "2026-10-01T00:00:00")]
    [InlineData("0 0 12 * * MON", "2026-09-28T12:00:00")]
    [InlineData("0 0 12 * * 0", "2026-09-27T12:00:00")]
    [InlineData("0 0 12 * * 7", "2026-09-27T12:00:00")]
    [InlineData("0 0 12 * * 1-5", "2026-09-25T12:00:00")]
    [InlineData("0 0 0 * JAN *", "2027-01-01T00:00:00")]
    [InlineData("0 0 0 29 2 *", "2028-02-29T00:00:00")]
    [InlineData("10/20 * * * * *", "2026-09-24T13:08:10")]
    [InlineData("0 0 */6 * * *", "2026-09-24T18:00:00")]
    [InlineData("0 0 0 13 * 5", "2026-11-13T00:00:00")] // day and day of week must both match: the next Friday the 13th
    public void Next_occurrence(string expression, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected + "Z"), CronSchedule.Parse(expression).Next(T0));

    [Fact]
    public void Next_is_strictly_after_even_inside_a_second()
    {
        var s = CronSchedule.Parse("* * * * * *");
        Assert.Equal(T0.AddSeconds(1), s.Next(T0.AddMilliseconds(999)));
    }

    [Fact]
    public void A_date_that_never_comes_has_no_next() => Assert.Null(CronSchedule.Parse("0 0 0 30 2 *").Next(T0));

    [Theory]
    [InlineData("* * * * *")]            // 5 fields: the Functions timer needs seconds
    [InlineData("60 * * * * *")]
    [InlineData("* * 24 * * *")]
    [InlineData("* * * 0 * *")]
    [InlineData("* * * * 13 *")]
    [InlineData("* * * * * 8")]
    [InlineData("*/0 * * * * *")]
    [InlineData("5-1 * * * * *")]
    [InlineData("a * * * * *")]
    public void Invalid_expressions_are_rejected(string expression) =>
        Assert.Throws<FormatException>(() => CronSchedule.Parse(expression));
}
