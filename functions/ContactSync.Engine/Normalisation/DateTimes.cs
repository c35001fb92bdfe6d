using System.Globalization;
using System.Text.RegularExpressions;

namespace ContactSync.Engine.Normalisation;

/// <summary>Event and task times in one written form, so the same instant from two sources hashes equal:
/// a date stays "yyyy-MM-dd"; a time with an offset becomes "yyyy-MM-ddTHH:mm:ss+hh:mm" ("Z" as "+00:00"); a time
/// without one (Graph's dateTimeTimeZone.dateTime, "2026-03-02T09:00:00.0000000") becomes "yyyy-MM-ddTHH:mm:ss"
/// and is read with the item's time zone field. Fractions of a second are dropped: calendars do not keep them.</summary>
public static partial class DateTimes
{
    public static bool TryNormalise(string? raw, out string value)
    {
        value = TextForm.Line(raw);
        if (value.Length == 0) return true;
        var inv = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", inv, DateTimeStyles.None, out var date))
        {
            value = date.ToString("yyyy-MM-dd", inv);
            return true;
        }
        if (!IsoDateTime().IsMatch(value)) return false;
        if (Offset().IsMatch(value))
        {
            if (!DateTimeOffset.TryParse(value, inv, DateTimeStyles.None, out var at)) return false;
            value = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", inv);
            return true;
        }
        if (!DateTime.TryParse(value, inv, DateTimeStyles.None, out var local)) return false;
        value = local.ToString("yyyy-MM-dd'T'HH:mm:ss", inv);
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex IsoDateTime();

    [GeneratedRegex(@"(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Offset();
}
