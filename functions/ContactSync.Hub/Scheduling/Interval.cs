using System.Globalization;
using System.Text.RegularExpressions;

namespace ContactSync.Hub.Scheduling;

public enum IntervalKind { Off, Every, Daily, Weekly, Monthly }

/// <summary>How often a policy section runs (M2): <c>off</c> (once when the policy is applied or changed), an ISO-8601
/// duration of at least 5 minutes (<c>PT10M</c>, <c>PT1H30M</c>, <c>P1D</c>, <c>P1W</c>), or <c>daily</c>,
/// <c>weekly</c>, <c>monthly</c> at a time of day in the tenant's time zone. Durations take weeks, days, hours, minutes
/// and seconds; years and months have no fixed length, so <c>monthly</c> says that instead.</summary>
public sealed partial record Interval(IntervalKind Kind, TimeSpan Period)
{
    public static readonly TimeSpan Minimum = TimeSpan.FromMinutes(5);
    public static readonly Interval Off = new(IntervalKind.Off, TimeSpan.Zero);
    public static readonly Interval Daily = new(IntervalKind.Daily, TimeSpan.Zero);
    public static readonly Interval Weekly = new(IntervalKind.Weekly, TimeSpan.Zero);
    public static readonly Interval Monthly = new(IntervalKind.Monthly, TimeSpan.Zero);

    public static Interval Every(TimeSpan period) => new(IntervalKind.Every, period);

    /// <summary>Whether the section runs at a time of day (daily, weekly, monthly).</summary>
    public bool IsCalendar => Kind is IntervalKind.Daily or IntervalKind.Weekly or IntervalKind.Monthly;

    [GeneratedRegex(@"^P(?:(?<w>\d{1,6})W)?(?:(?<d>\d{1,6})D)?(?:T(?:(?<h>\d{1,6})H)?(?:(?<m>\d{1,6})M)?(?:(?<s>\d{1,8})S)?)?$")]
    private static partial Regex Duration();

    /// <summary>Parses the policy's text; <paramref name="error"/> says what is wrong (without the field name).</summary>
    public static bool TryParse(string? text, out Interval interval, out string? error)
    {
        interval = Off;
        error = null;
        var t = text?.Trim() ?? "";
        switch (t.ToLowerInvariant())
        {
            case "off": return true;
            case "daily": interval = Daily; return true;
            case "weekly": interval = Weekly; return true;
            case "monthly": interval = Monthly; return true;
        }
        var m = Duration().Match(t.ToUpperInvariant());
        if (t.Length == 0 || !m.Success || t.EndsWith('T') || t.Equals("P", StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{text}' is not an interval: use off, daily, weekly, monthly or an ISO-8601 duration such as PT10M or PT1H30M";
            return false;
        }
        long Part(string g) => m.Groups[g].Success ? long.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        var seconds = (((Part("w") * 7 + Part("d")) * 24 + Part("h")) * 60 + Part("m")) * 60 + Part("s");
        var period = TimeSpan.FromSeconds(seconds);
        if (period < Minimum)
        {
            error = $"{t.ToUpperInvariant()} is shorter than the 5-minute minimum";
            return false;
        }
        interval = Every(period);
        return true;
    }

    public static Interval Parse(string text) =>
        TryParse(text, out var i, out var error) ? i : throw new FormatException(error);

    /// <summary>The canonical text: off/daily/weekly/monthly, or a duration as PT…H…M…S / P…D.</summary>
    public override string ToString() => Kind switch
    {
        IntervalKind.Off => "off",
        IntervalKind.Daily => "daily",
        IntervalKind.Weekly => "weekly",
        IntervalKind.Monthly => "monthly",
        _ => FormatDuration(Period),
    };

    private static string FormatDuration(TimeSpan p)
    {
        var days = (long)p.TotalDays;
        var time = (p.Hours > 0 ? $"{p.Hours}H" : "") + (p.Minutes > 0 ? $"{p.Minutes}M" : "") + (p.Seconds > 0 ? $"{p.Seconds}S" : "");
        return "P" + (days > 0 ? $"{days}D" : "") + (time.Length > 0 ? "T" + time : "");
    }
}
