using System.Text;
using System.Text.RegularExpressions;

namespace ContactSync.Engine.Normalisation;

/// <summary>A phone value after normalisation: the E.164 form (with ";ext=NNN" when it had an extension) when
/// <see cref="IsCanonical"/>, else the value as typed (only its whitespace tidied) and the <see cref="Problem"/>.</summary>
public sealed record PhoneResult(string Value, bool IsCanonical, string? Problem);

/// <summary>Phone numbers to E.164 with the tenant's default region for numbers written the national way.</summary>
public static partial class PhoneNumbers
{
    public const string ExtensionMarker = ";ext=";
    private const int E164MaxDigits = 15;

    public static PhoneResult Normalise(string? raw, string? defaultRegion)
    {
        var kept = TextForm.Line(raw);
        // NFKC turns full-width digits and '＋' into ASCII.
        var text = kept.Normalize(NormalizationForm.FormKC);
        string? extension = null;
        // Every extension marker has a letter, '#' or ';': plain numbers skip the regex.
        if (text.Any(c => char.IsLetter(c) || c is '#' or ';')
            && Extension().Match(text) is { Success: true } m && m.Groups["num"].Value.Any(char.IsAsciiDigit))
        {
            extension = m.Groups["ext"].Value;
            text = m.Groups["num"].Value;
        }
        if (text.Any(char.IsLetter)) return Fail(kept, "contains letters");
        // "(+48) 601 ...": business cards often bracket the country code; the '+' still leads the number.
        var international = text.TrimStart().TrimStart('(').TrimStart().StartsWith('+');
        // "+44 (0)20 ...": the bracketed 0 is the trunk prefix, dialled only at home. Marked 'Z' until the country
        // is known, because Italy's leading 0 belongs to the number.
        var sb = new StringBuilder();
        foreach (var c in text.Replace("(0)", "Z"))
        {
            if (char.IsAsciiDigit(c) || c == 'Z') sb.Append(c);
            else if (c == '+' && international && sb.Length == 0) continue;
            else if (!IsSeparator(c)) return Fail(kept, $"unexpected character '{c}'");
        }
        var digits = sb.ToString();
        if (!digits.Any(char.IsAsciiDigit)) return Fail(kept, "no digits");

        var home = CallingCodes.ForRegion(defaultRegion);
        if (!international && home is not null && digits.StartsWith(home.InternationalPrefix, StringComparison.Ordinal))
        {
            international = true;
            digits = digits[home.InternationalPrefix.Length..];
        }
        string code;
        NumberingPlan? plan;
        if (international)
        {
            if (!CallingCodes.TryMatch(digits, out code, out plan))
                return Fail(kept, $"unknown country calling code in +{digits.Replace("Z", "")}");
            digits = digits[code.Length..].Replace("Z", plan?.KeepsLeadingZero == true ? "0" : "");
            // "+44 020 ...", "+36 06 1 ...": a trunk prefix written after the country code is a common slip; it is
            // never dialled from abroad, so it goes when what is left is still a full number.
            if (plan is not null) digits = StripTrunk(digits, plan);
        }
        else
        {
            if (home is null) return Fail(kept, $"no country code and no known default region ('{defaultRegion}')");
            (code, plan) = (home.CallingCode, home);
            digits = StripTrunk(digits.Replace('Z', '0'), home);
        }
        var total = code.Length + digits.Length;
        if (plan is not null && digits.Length < plan.MinLength)
            return Fail(kept, $"too short for {plan.Region} (+{code}): {digits.Length} digits, expected {Lengths(plan)}");
        if (plan is not null && digits.Length > plan.MaxLength || total > E164MaxDigits)
        {
            var expected = plan is null ? $"at most {E164MaxDigits - code.Length}" : Lengths(plan);
            return Fail(kept, $"too long for {plan?.Region ?? "+" + code}: {digits.Length} digits, expected {expected}");
        }
        if (plan is null && total < 7) return Fail(kept, $"too short: {digits.Length} digits after +{code}");
        return new($"+{code}{digits}{(extension is null ? "" : ExtensionMarker + extension)}", true, null);
    }

    /// <summary>The number without its extension ("+48221234567;ext=12" → "+48221234567").</summary>
    public static string WithoutExtension(string value)
    {
        var i = value.IndexOf(ExtensionMarker, StringComparison.Ordinal);
        return i < 0 ? value : value[..i];
    }

    private static string StripTrunk(string digits, NumberingPlan plan)
    {
        foreach (var trunk in plan.TrunkPrefixes)
            if (digits.StartsWith(trunk, StringComparison.Ordinal) && digits.Length - trunk.Length >= plan.MinLength)
                return digits[trunk.Length..];
        return digits;
    }

    private static string Lengths(NumberingPlan p) => p.MinLength == p.MaxLength ? $"{p.MinLength}" : $"{p.MinLength}-{p.MaxLength}";
    private static PhoneResult Fail(string kept, string problem) => new(kept, false, problem);
    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '/' or '(' or ')' or '\u2010' or '\u2011' or '\u2013';

    // Extension markers, longest first: ";ext=" (RFC 3966, our own form), "ext"/"extension"/"x"/"#" (English, NANP
    // and UK usage), "wew." (Polish "wewnętrzny"), "kl."/"klapka" (Czech, Slovak), "linka" (Czech), "Durchwahl"/"DW"
    // (German, Austrian), "poste" (French), "interno"/"int." (Italian), "tel. wewn." forms covered by "wewn".
    [GeneratedRegex(@"^(?<num>.*?)[\s,;]*(?:ext\s*=|extension|ext\.?|wewn\.?|wew\.?|klapka|kl\.|linka|durchwahl|dw\.?|poste|interno|int\.|x|\#)\s*[:.=]?\s*(?<ext>\d{1,7})\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Extension();
}
