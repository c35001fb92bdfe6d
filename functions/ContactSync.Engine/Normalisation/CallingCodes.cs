namespace ContactSync.Engine.Normalisation;

/// <summary>How one country writes its numbers: calling code, the national trunk prefixes dialled before an area code
/// at home (dropped in E.164), the international prefix, and the lengths of the national significant number (NSN).</summary>
public sealed record NumberingPlan(
    string Region, string CallingCode, string[] TrunkPrefixes, string InternationalPrefix, int MinLength, int MaxLength,
    bool KeepsLeadingZero = false);

/// <summary>A compact numbering table for the tenants' regions (ITU-T E.164 assignments, national plans). Lengths are
/// the NSN's, generous where a plan has short special numbers. Codes outside the table are still recognised (so
/// "+385 ..." parses) but only checked against E.164's 15-digit limit.</summary>
public static class CallingCodes
{
    private static readonly NumberingPlan[] Plans =
    [
        new("PL", "48", ["0"], "00", 9, 9),         // "0" only in pre-2009 national form ("022 ..."): still typed
        new("CZ", "420", [], "00", 9, 9),
        new("SK", "421", ["0"], "00", 9, 9),
        new("LT", "370", ["8", "0"], "00", 8, 8),    // trunk prefix 8, replaced by 0 from 2025: both still in use
        new("LV", "371", [], "00", 8, 8),
        new("EE", "372", [], "00", 7, 8),
        new("DE", "49", ["0"], "00", 6, 13),
        new("AT", "43", ["0"], "00", 4, 13),
        new("CH", "41", ["0"], "00", 9, 9),
        new("GB", "44", ["0"], "00", 9, 10),
        new("IE", "353", ["0"], "00", 7, 9),
        new("US", "1", ["1"], "011", 10, 10),
        new("CA", "1", ["1"], "011", 10, 10),
        new("FR", "33", ["0"], "00", 9, 9),
        new("IT", "39", [], "00", 6, 11, KeepsLeadingZero: true), // the 0 of Italian landlines is part of the number
        new("ES", "34", [], "00", 9, 9),
        new("PT", "351", [], "00", 9, 9),
        new("NL", "31", ["0"], "00", 9, 10),
        new("BE", "32", ["0"], "00", 8, 9),
        new("LU", "352", [], "00", 4, 11),
        new("DK", "45", [], "00", 8, 8),
        new("SE", "46", ["0"], "00", 7, 9),
        new("NO", "47", [], "00", 8, 8),
        new("FI", "358", ["0"], "00", 5, 12),
        new("HU", "36", ["06"], "00", 8, 9),
        new("RO", "40", ["0"], "00", 9, 9),
        new("UA", "380", ["0"], "00", 9, 9),
    ];

    // Other assigned codes seen in European address books; no length rules, only recognition.
    private static readonly string[] OtherCodes =
    [
        "7", "20", "27", "30", "52", "54", "55", "61", "64", "81", "82", "86", "90", "91", "350", "354", "355", "356",
        "357", "359", "373", "374", "375", "376", "377", "378", "381", "382", "383", "385", "386", "387", "389", "423",
        "852", "961", "962", "965", "966", "971", "972", "974", "995",
    ];

    private static readonly Dictionary<string, NumberingPlan> ByRegion =
        Plans.ToDictionary(p => p.Region, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, NumberingPlan?> ByCode = Plans.DistinctBy(p => p.CallingCode)
        .Select(p => KeyValuePair.Create(p.CallingCode, (NumberingPlan?)p))
        .Concat(OtherCodes.Select(c => KeyValuePair.Create(c, (NumberingPlan?)null)))
        .ToDictionary(StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Regions => ByRegion.Keys;

    public static NumberingPlan? ForRegion(string? region) =>
        region is not null && ByRegion.TryGetValue(region, out var p) ? p : null;

    public static bool IsNanp(string? region) => ForRegion(region)?.CallingCode == "1";

    /// <summary>The calling code that starts <paramref name="digits"/> (E.164 codes are prefix-free, so at most one
    /// matches) and its plan when the table has one.</summary>
    public static bool TryMatch(string digits, out string code, out NumberingPlan? plan)
    {
        for (var len = 1; len <= 3 && len < digits.Length; len++)
            if (ByCode.TryGetValue(digits[..len], out plan)) { code = digits[..len]; return true; }
        code = "";
        plan = null;
        return false;
    }
}
