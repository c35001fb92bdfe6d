namespace ContactSync.Hub.Scheduling;

/// <summary>When a policy section runs next (M2). Pure: the caller passes the clock.</summary>
public static class Schedule
{
    /// <summary>The next due instant in UTC, or null for never (an <c>off</c> section that has run since it was applied).
    /// A due time in the past means due now.
    /// <list type="bullet">
    /// <item><c>off</c>: once, right when applied or changed (<paramref name="appliedAtUtc"/>), if it has not run since.</item>
    /// <item>durations: last run + period, or now when it never ran.</item>
    /// <item>daily/weekly/monthly: at <paramref name="timeOfDay"/> in <paramref name="zone"/>; the first run is the day
    /// after the schedule was applied, then every day, week (same weekday) or month (same day of month, the last day of
    /// shorter months); after a run the next is the first occurrence after it, so missed runs are not piled up.</item>
    /// </list></summary>
    public static DateTimeOffset? NextDue(Interval interval, TimeOnly? timeOfDay, TimeZoneInfo zone,
        DateTimeOffset? lastRunUtc, DateTimeOffset appliedAtUtc, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(interval);
        ArgumentNullException.ThrowIfNull(zone);
        return interval.Kind switch
        {
            IntervalKind.Off => lastRunUtc is { } last && last >= appliedAtUtc ? null : appliedAtUtc.ToUniversalTime(),
            IntervalKind.Every => lastRunUtc is { } last ? (last + interval.Period).ToUniversalTime() : nowUtc.ToUniversalTime(),
            _ => NextCalendar(interval.Kind, timeOfDay ?? TimeOnly.MinValue, zone, lastRunUtc, appliedAtUtc),
        };
    }

    private static DateTimeOffset NextCalendar(IntervalKind kind, TimeOnly time, TimeZoneInfo zone,
        DateTimeOffset? lastRunUtc, DateTimeOffset appliedAtUtc)
    {
        var anchor = TimeZones.LocalDate(appliedAtUtc, zone).AddDays(1);
        if (lastRunUtc is not { } last) return TimeZones.ToUtc(anchor, time, zone);
        // Start near the last run rather than walking from the anchor: a daily schedule can be years old.
        var k = Math.Max(0, StepsBefore(kind, anchor, TimeZones.LocalDate(last, zone)) - 1);
        while (true)
        {
            var due = TimeZones.ToUtc(Occurrence(kind, anchor, k), time, zone);
            if (due > last) return due;
            k++;
        }
    }

    /// <summary>The k-th occurrence's local date, counted from the anchor (k = 0).</summary>
    internal static DateOnly Occurrence(IntervalKind kind, DateOnly anchor, int k) => kind switch
    {
        IntervalKind.Daily => anchor.AddDays(k),
        IntervalKind.Weekly => anchor.AddDays(7 * k),
        // Always from the anchor's day, so "the 31st" comes back after a short month.
        _ => MonthOccurrence(anchor, k),
    };

    private static DateOnly MonthOccurrence(DateOnly anchor, int k)
    {
        var first = new DateOnly(anchor.Year, anchor.Month, 1).AddMonths(k);
        return first.AddDays(Math.Min(anchor.Day, DateTime.DaysInMonth(first.Year, first.Month)) - 1);
    }

    private static int StepsBefore(IntervalKind kind, DateOnly anchor, DateOnly date)
    {
        var days = date.DayNumber - anchor.DayNumber;
        if (days <= 0) return 0;
        return kind switch
        {
            IntervalKind.Daily => days,
            IntervalKind.Weekly => days / 7,
            _ => (date.Year - anchor.Year) * 12 + date.Month - anchor.Month,
        };
    }
}
