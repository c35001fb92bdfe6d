using System.Globalization;
using System.Text;

namespace ContactSync.Storage;

/// <summary>PartitionKey/RowKey rules (FACTS.md §3.5): at most 1 KiB of UTF-16, i.e. 512 characters (Azurite 3.37 refuses
/// 513), none of
/// <c>/ \ # ?</c> nor control characters U+0000–U+001F, U+007F–U+009F. <see cref="Escape"/> makes any id a valid key.</summary>
public static class TableKeys
{
    public const int MaxLength = 512;
    private const char EscapeChar = '~';

    public static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F';

    /// <summary>Null when <paramref name="key"/> is a valid key, otherwise why not.</summary>
    public static string? Problem(string? key, string name = "key")
    {
        if (key is null) return $"{name} is null.";
        if (key.Length > MaxLength) return $"{name} '{Show(key)}' is {key.Length} characters long; the limit is {MaxLength}.";
        for (var i = 0; i < key.Length; i++)
            if (IsForbidden(key[i]))
                return $"{name} '{Show(key)}' contains the forbidden character U+{(int)key[i]:X4} at index {i} " +
                       "(keys may not contain / \\ # ? or control characters; use TableKeys.Escape).";
        return null;
    }

    /// <summary>Throws a <see cref="StorageException"/> (BadRequest, status 0) naming the key and the problem.</summary>
    public static void Validate(string? key, string name = "key")
    {
        if (Problem(key, name) is { } problem) throw StorageException.Refused(StorageErrorKind.BadRequest, "InvalidKey", problem);
    }

    /// <summary>Replaces forbidden characters, <c>%</c> and <c>~</c> by <c>~XX</c> (hex), so any id becomes a valid,
    /// reversible key. Order is preserved for ids without escaped characters.</summary>
    public static string Escape(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!id.Any(NeedsEscape)) return id;
        var sb = new StringBuilder(id.Length + 8);
        foreach (var c in id)
        {
            if (NeedsEscape(c)) sb.Append(EscapeChar).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The id <see cref="Escape"/> was given.</summary>
    /// <exception cref="FormatException">The key holds a <c>~</c> not followed by two hex digits.</exception>
    public static string Unescape(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains(EscapeChar)) return key;
        var sb = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != EscapeChar) { sb.Append(key[i]); continue; }
            if (i + 2 >= key.Length || !int.TryParse(key.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                throw new FormatException($"'{Show(key)}' has a '~' at index {i} that is not followed by two hex digits.");
            sb.Append((char)code);
            i += 2;
        }
        return sb.ToString();
    }

    // '%' is legal but breaks some services' URL handling; '~' is the escape character itself.
    private static bool NeedsEscape(char c) => IsForbidden(c) || c is '%' or EscapeChar;

    internal static string Show(string key)
    {
        var shown = key.Length > 80 ? key[..80] + "…" : key;
        return string.Concat(shown.Select(c => IsForbidden(c) && c is not ('/' or '\\' or '#' or '?') ? $"\\u{(int)c:X4}" : c.ToString()));
    }
}
