using System.Text;

namespace ContactSync.Hub.Directory.Csv;

/// <summary>Decodes an uploaded CSV file. The rule, in order:
/// <list type="number">
/// <item>a byte-order mark says the encoding: UTF-8, UTF-16 LE or UTF-16 BE (Outlook's "Unicode" export);</item>
/// <item>bytes that are valid UTF-8 are UTF-8 (ASCII included);</item>
/// <item>else the request's <c>charset</c> parameter, when given and known (e.g. <c>windows-1250</c>);</item>
/// <item>else Windows-1250 or Windows-1252, Outlook's ANSI export in Central and Western Europe: both decodings are
/// scored by the letters they produce from the bytes on which they differ (Polish/Czech letters for 1250, Western ones
/// for 1252, symbols such as ³ ¹ ¿ £ between letters count against); a tie goes to 1250 when the tenant's region
/// writes a Central European language, else to 1252.</item>
/// </list></summary>
public static class CsvDecoding
{
    private static readonly string[] CentralEuropeanRegions = ["PL", "CZ", "SK", "HU", "RO", "SI", "HR", "BA", "RS", "AL"];
    private const string Typical1250 = "ąćęłńśźżčďěňřšťůžĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽőűŐŰăşţĂŞŢ";
    private const string Typical1252 = "àâçèêëîïñòôùûÿæœøåÀÂÇÈÊËÎÏÑÒÔÙÛŸÆŒØÅ";

    static CsvDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1250 => Encoding.GetEncoding(1250);
    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public static (string Text, Encoding Encoding) Decode(ReadOnlySpan<byte> bytes, string? charset = null, string? regionHint = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Encoding.UTF8.GetString(bytes[3..]), Encoding.UTF8);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode.GetString(bytes[2..]), Encoding.Unicode);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode.GetString(bytes[2..]), Encoding.BigEndianUnicode);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        try { return (strict.GetString(bytes), Encoding.UTF8); }
        catch (DecoderFallbackException) { /* not UTF-8: an ANSI code page */ }
        if (Named(charset) is { } named) return (named.GetString(bytes), named);
        var e = Guess(bytes, regionHint);
        return (e.GetString(bytes), e);
    }

    private static Encoding? Named(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        try { return Encoding.GetEncoding(charset.Trim().Trim('"')); }
        catch (ArgumentException) { return null; }
    }

    /// <summary>Windows-1250 or Windows-1252 for bytes that are not UTF-8.</summary>
    public static Encoding Guess(ReadOnlySpan<byte> bytes, string? regionHint)
    {
        var cp1250 = Windows1250.GetString(bytes);
        var cp1252 = Windows1252.GetString(bytes);
        int score1250 = 0, score1252 = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] < 0x80 || cp1250[i] == cp1252[i]) continue;
            var between = i > 0 && i + 1 < bytes.Length && (char.IsLetter((char)bytes[i - 1]) || char.IsLetter((char)bytes[i + 1]));
            score1250 += Score(cp1250[i], Typical1250, between);
            score1252 += Score(cp1252[i], Typical1252, between);
        }
        if (score1250 != score1252) return score1250 > score1252 ? Windows1250 : Windows1252;
        return CentralEuropeanRegions.Contains(regionHint?.ToUpperInvariant()) ? Windows1250 : Windows1252;
    }

    private static int Score(char c, string typical, bool betweenLetters) =>
        typical.Contains(c) ? 2 : char.IsLetter(c) ? 1 : betweenLetters ? -3 : -1;
}
