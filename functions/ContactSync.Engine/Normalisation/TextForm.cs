using System.Globalization;
using System.Text;

namespace ContactSync.Engine.Normalisation;

/// <summary>Canonical text: Unicode NFC (so "Łukasz", "Dvořák", "Šimkūnas", "Müller" compare and hash equal whether the
/// marks were typed precomposed or combining), invisible format characters dropped, whitespace collapsed.</summary>
public static class TextForm
{
    /// <summary>One line: NFC, trimmed, every run of whitespace (tabs, line breaks, no-break spaces) made one space.</summary>
    public static string Line(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format) continue; // ZWSP, soft hyphen, BOM
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Multi-line text (notes, bodies): NFC, line breaks as '\n', trailing spaces of each line and blank
    /// lines at both ends removed; the inner layout is the user's and stays.</summary>
    public static string Block(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var lines = text.Normalize(NormalizationForm.FormC).ReplaceLineEndings("\n").Split('\n')
            .Select(l => l.TrimEnd());
        return string.Join('\n', lines).Trim('\n', ' ', '\t');
    }

    /// <summary>A comparison form for matching, never stored: <see cref="Line"/>, lower case, diacritics removed
    /// ("Łukasz Wróbel" → "lukasz wrobel", "Straße" → "strasse").</summary>
    public static string Fold(string? text)
    {
        var line = Line(text).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch
            {
                // Letters with a stroke or ligatures have no combining-mark decomposition.
                'ł' => "l", 'ø' => "o", 'đ' => "d", 'ð' => "d", 'ħ' => "h", 'ı' => "i", 'ŧ' => "t",
                'ß' => "ss", 'æ' => "ae", 'œ' => "oe", 'þ' => "th",
                _ => c.ToString(),
            });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
