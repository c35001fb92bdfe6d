using ContactSync.Hub.Scheduling;

namespace ContactSync.Hub.Tests.Scheduling;

public class ScheduleTests
{
    private static readonly TimeZoneInfo Warsaw = TimeZones.Find("Europe/Warsaw");
    private static readonly TimeZoneInfo Vilnius = TimeZones.Find("Europe/Vilnius");
    private static readonly TimeZoneInfo Prague = TimeZones.Find("Europe/Prague");
    private static readonly TimeZoneInfo Berlin = TimeZones.Find("Europe/Berlin");

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso + "Z", null, System.Globalization.DateTimeStyles.AdjustToUniversal);
    private static TimeOnly At(string hhmm) => TimeOnly.Parse(hhmm, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Off_runs_once_right_after_it_is_applied_then_not_until_changed()
    {
        var applied = Utc("2026-03-10T12:00:00");
        Assert.Equal(applied, Schedule.NextDue(Interval.Off, null, Warsaw, null, applied, applied.AddMinutes(1)));
        Assert.Null(Schedule.NextDue(Interval.Off, null, Warsaw, applied.AddMinutes(2), applied, applied.AddDays(30)));
        var changed = applied.AddDays(3);
        Assert.Equal(changed, Schedule.NextDue(Interval.Off, null, Warsaw, applied.AddMinutes(2), changed, changed));
    }

    [Fact]
    public void Durations_run_a_period_after_the_last_run_or_now_when_never_run()
    {
        var now = Utc("2026-03-10T12:00:00");
        var every10 = Interval.Parse("PT10M");
        Assert.Equal(now, Schedule.NextDue(every10, null, Warsaw, null, now.AddDays(-1), now));
        Assert.Equal(Utc("2026-03-10T11:57:00"), Schedule.NextDue(every10, null, Warsaw, Utc("2026-03-10T11:47:00"), now.AddDays(-1), now));
    }

    [Theory]
    [InlineData("2026-03-10T15:00:00")] // 16:00 in Warsaw, after 06:30
    [InlineData("2026-03-10T00:30:00")] // 01:30 in Warsaw, before 06:30: still the next day (M2)
    public void A_new_daily_schedule_starts_the_next_day_at_its_time(string applied)
    {
        var due = Schedule.NextDue(Interval.Daily, At("06:30"), Warsaw, null, Utc(applied), Utc(applied));
        Assert.Equal(Utc("2026-03-11T05:30:00"), due); // 06:30 CET
    }

    [Fact]
    public void Daily_keeps_the_local_time_across_the_spring_change()
    {
        var last = Utc("2026-03-28T05:30:00"); // 06:30 CET
        var due = Schedule.NextDue(Interval.Daily, At("06:30"), Warsaw, last, Utc("2026-03-01T10:00:00"), last);
        Assert.Equal(Utc("2026-03-29T04:30:00"), due); // 06:30 CEST
    }

    [Fact]
    public void A_time_in_the_spring_gap_moves_forward_by_the_gap()
    {
        var last = Utc("2026-03-28T01:30:00"); // 02:30 CET on the 28th
        var due = Schedule.NextDue(Interval.Daily, At("02:30"), Warsaw, last, Utc("2026-03-01T10:00:00"), last);
        Assert.Equal(Utc("2026-03-29T01:30:00"), due); // 02:30 does not exist on the 29th: 03:30 CEST
        var vilnius = Schedule.NextDue(Interval.Daily, At("03:30"), Vilnius, Utc("2026-03-28T01:30:00"), Utc("2026-03-01T10:00:00"), last);
        Assert.Equal(Utc("2026-03-29T01:30:00"), vilnius); // 03:30 does not exist in Vilnius: 04:30 EEST
    }

    [Fact]
    public void An_ambiguous_autumn_time_takes_the_first_and_runs_once()
    {
        var applied = Utc("2026-10-01T10:00:00");
        var last = Utc("2026-10-24T00:30:00"); // 02:30 CEST on the 24th
        var first = Schedule.NextDue(Interval.Daily, At("02:30"), Warsaw, last, applied, last);
        Assert.Equal(Utc("2026-10-25T00:30:00"), first); // the first 02:30 (CEST), not the second (01:30 UTC)
        var next = Schedule.NextDue(Interval.Daily, At("02:30"), Warsaw, first, applied, first!.Value);
        Assert.Equal(Utc("2026-10-26T01:30:00"), next); // the repeated 02:30 does not run it again
    }

    [Fact]
    public void Weekly_keeps_the_weekday_and_local_time_across_the_autumn_change()
    {
        var applied = Utc("2026-10-21T09:00:00"); // Wednesday
        var first = Schedule.NextDue(Interval.Weekly, At("07:00"), Prague, null, applied, applied);
        Assert.Equal(Utc("2026-10-22T05:00:00"), first); // Thursday 07:00 CEST
        var second = Schedule.NextDue(Interval.Weekly, At("07:00"), Prague, first!.Value.AddMinutes(3), applied, first.Value);
        Assert.Equal(Utc("2026-10-29T06:00:00"), second); // Thursday 07:00 CET
    }

    [Fact]
    public void Monthly_on_the_31st_uses_the_last_day_of_shorter_months_and_comes_back()
    {
        var applied = Utc("2026-01-30T10:00:00");
        var expected = new[]
        {
            "2026-01-31T08:00:00", "2026-02-28T08:00:00", "2026-03-31T07:00:00", "2026-04-30T07:00:00", "2026-05-31T07:00:00",
        };
        DateTimeOffset? last = null;
        foreach (var e in expected)
        {
            var due = Schedule.NextDue(Interval.Monthly, At("09:00"), Berlin, last, applied, last ?? applied);
            Assert.Equal(Utc(e), due);
            last = due!.Value.AddSeconds(40);
        }
        var leap = Schedule.NextDue(Interval.Monthly, At("09:00"), Berlin, Utc("2028-01-31T08:01:00"), applied, applied);
        Assert.Equal(Utc("2028-02-29T08:00:00"), leap);
    }

    [Fact]
    public void Missed_runs_are_not_piled_up()
    {
        var applied = Utc("2026-05-01T10:00:00");
        var last = Utc("2026-05-03T04:30:00"); // 06:30 CEST on the 3rd; the service was down until the 8th
        var now = Utc("2026-05-08T12:00:00");
        var overdue = Schedule.NextDue(Interval.Daily, At("06:30"), Warsaw, last, applied, now);
        Assert.True(overdue <= now);
        var after = Schedule.NextDue(Interval.Daily, At("06:30"), Warsaw, now, applied, now);
        Assert.Equal(Utc("2026-05-09T04:30:00"), after);
    }

    [Fact]
    public void A_late_run_is_followed_by_the_next_occurrence()
    {
        var applied = Utc("2026-05-01T10:00:00");
        var late = Utc("2026-05-03T07:45:00"); // ran 3 h late
        Assert.Equal(Utc("2026-05-04T04:30:00"), Schedule.NextDue(Interval.Daily, At("06:30"), Warsaw, late, applied, late));
    }

    [Theory]
    [InlineData("Europe/Warsaw")]
    [InlineData("Central European Standard Time")]
    [InlineData("FLE Standard Time")]
    [InlineData("Europe/Vilnius")]
    public void Iana_and_windows_ids_are_found(string id) => Assert.True(TimeZones.TryFind(id, out _));

    [Theory]
    [InlineData("Europe/Atlantis")]
    [InlineData("")]
    [InlineData("CET+5")]
    public void Unknown_zones_are_not(string id) => Assert.False(TimeZones.TryFind(id, out _));

    [Fact]
    public void Windows_and_iana_ids_give_the_same_times()
    {
        var windows = TimeZones.Find("Central European Standard Time");
        var applied = Utc("2026-03-27T10:00:00");
        Assert.Equal(Schedule.NextDue(Interval.Daily, At("06:30"), Warsaw, applied, applied, applied),
            Schedule.NextDue(Interval.Daily, At("06:30"), windows, applied, applied, applied));
    }
}
