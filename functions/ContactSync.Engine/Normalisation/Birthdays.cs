using System.Globalization;
using System.Text.RegularExpressions;

namespace ContactSync.Engine.Normalisation;

/// <summary>Birthdays as yyyy-MM-dd from the forms people and sources use: ISO dates and date-times (Graph sends
/// "1980-05-17T00:00:00Z"; read to the nearest midnight), yyyyMMdd (vCard), d.M.yyyy (PL, CZ, DE...), d/M/yyyy or
/// d-M-yyyy, and M/d/yyyy (M-d-yyyy) when the tenant's region is NANP (US, CA), where that is how dates are written.
/// </summary>
public static partial class Birthdays
{
    public static bool TryNormalise(string? raw, string? defaultRegion, out string value)
    {
        value = "";
        var s = TextForm.Line(raw);
        if (Timestamp(s, out value)) return true;
        if (IsoDate().Match(s) is { Success: true } iso) return Make(iso, "y", "m", "d", out value);
        if (Compact().Match(s) is { Success: true } c) return Make(c, "y", "m", "d", out value);
        if (Dotted().Match(s) is { Success: true } dot) return Make(dot, "y", "m", "d", out value);
        if (Slashed().Match(s) is not { Success: true } sl) return false;
        return CallingCodes.IsNanp(defaultRegion) ? Make(sl, "y", "a", "b", out value) : Make(sl, "y", "b", "a", out value);
    }

    /// <summary>Graph's birthday is a UTC timestamp; clients that store local midnight send "1980-05-16T22:00:00Z"
    /// for a birthday on the 17th in Central Europe. A date has no time zone, so the midnight nearest to the clock time
    /// as written is the date.</summary>
    private static bool Timestamp(string s, out string value)
    {
        value = "";
        if (!WithOffset().IsMatch(s) || !DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var at)) return false;
        value = DateOnly.FromDateTime(at.DateTime.AddHours(12)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }

    private static bool Make(Match m, string y, string mo, string d, out string value)
    {
        value = "";
        if (!DateOnly.TryParseExact($"{m.Groups[y].Value}-{m.Groups[mo].Value.PadLeft(2, '0')}-{m.Groups[d].Value.PadLeft(2, '0')}",
                "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return false;
        value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();

    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$")]
    private static partial Regex Compact();

    [GeneratedRegex(@"^(?<d>\d{1,2})\.\s?(?<m>\d{1,2})\.\s?(?<y>\d{4})\.?$")]
    private static partial Regex Dotted();

    [GeneratedRegex(@"^(?<a>\d{1,2})(?<sep>[/-])(?<b>\d{1,2})\k<sep>(?<y>\d{4})$")]
    private static partial Regex Slashed();
}
