namespace ContactSync.DevHost.Timers;

/// <summary>A 6-field NCRONTAB schedule, <c>{second} {minute} {hour} {day} {month} {day-of-week}</c>, as the timer
/// trigger reads it (FACTS.md §2.2). Each field takes <c>*</c>, values, ranges <c>a-b</c>, steps <c>*/n</c>,
/// <c>a/n</c>, <c>a-b/n</c> and comma lists; months and days of week also by English three-letter name. Day of month
/// and day of week must both match, as in NCrontab. Times are UTC.</summary>
public sealed class CronSchedule
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly bool[] _seconds, _minutes, _hours, _days, _months, _daysOfWeek;

    private CronSchedule(string[] f)
    {
        _seconds = CronField.Parse(f[0], 0, 59, null, "second");
        _minutes = CronField.Parse(f[1], 0, 59, null, "minute");
        _hours = CronField.Parse(f[2], 0, 23, null, "hour");
        _days = CronField.Parse(f[3], 1, 31, null, "day");
        _months = CronField.Parse(f[4], 1, 12, MonthNames, "month");
        var dow = CronField.Parse(f[5], 0, 7, DayNames, "day-of-week");
        _daysOfWeek = dow[..7];
        _daysOfWeek[0] |= dow[7]; // 7 is Sunday too
    }

    public string Expression { get; private init; } = "";

    /// <exception cref="FormatException">Not 6 fields, or a field out of range; the message names the field.</exception>
    public static CronSchedule Parse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length != 6)
            throw new FormatException($"'{expression}' has {fields.Length} fields; NCRONTAB needs 6: second minute hour day month day-of-week");
        return new CronSchedule(fields) { Expression = expression };
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null if none within 5 years (Feb 30).</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var utc = after.UtcDateTime;
        var start = new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddSeconds(1);
        for (var day = start.Date; day < start.Date.AddYears(5); day = day.AddDays(1))
        {
            if (!_months[day.Month] || !_days[day.Day] || !_daysOfWeek[(int)day.DayOfWeek]) continue;
            for (var h = day == start.Date ? start.Hour : 0; h < 24; h++)
            {
                if (!_hours[h]) continue;
                for (var m = 0; m < 60; m++)
                {
                    if (!_minutes[m]) continue;
                    for (var s = 0; s < 60; s++)
                    {
                        if (!_seconds[s]) continue;
                        var t = day.AddHours(h).AddMinutes(m).AddSeconds(s);
                        if (t >= start) return new DateTimeOffset(t);
                    }
                }
            }
        }
        return null;
    }
}
