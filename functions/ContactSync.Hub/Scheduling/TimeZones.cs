using System.Diagnostics.CodeAnalysis;

namespace ContactSync.Hub.Scheduling;

/// <summary>Time zones by IANA id ("Europe/Warsaw") or Windows id ("Central European Standard Time"); .NET converts
/// between the two through ICU, so either works on Linux and Windows hosts.</summary>
public static class TimeZones
{
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id)) return false;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    public static TimeZoneInfo Find(string id) =>
        TryFind(id, out var zone) ? zone : throw new TimeZoneNotFoundException($"'{id}' is not a known IANA or Windows time zone id.");

    /// <summary>The UTC instant of a wall-clock time in <paramref name="zone"/>. A time that does not exist (the hour
    /// skipped when clocks go forward) moves forward by the gap (02:30 → 03:30); an ambiguous one (the hour repeated
    /// when clocks go back) takes the first, earlier instant.</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var asUtc = DateTime.SpecifyKind(local, DateTimeKind.Utc);
        var before = zone.GetUtcOffset(asUtc.AddDays(-1));
        var after = zone.GetUtcOffset(asUtc.AddDays(1));
        DateTimeOffset? best = null;
        foreach (var offset in new[] { before, after, zone.GetUtcOffset(asUtc) }.Distinct())
        {
            var utc = asUtc - offset;
            if (zone.GetUtcOffset(utc) != offset) continue;
            if (best is null || utc < best.Value.UtcDateTime) best = new DateTimeOffset(utc, TimeSpan.Zero);
        }
        // In a gap no offset fits: the offset in force before the change carries the time past it.
        return best ?? new DateTimeOffset(asUtc - before, TimeSpan.Zero);
    }

    /// <summary>The local calendar date of an instant in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
