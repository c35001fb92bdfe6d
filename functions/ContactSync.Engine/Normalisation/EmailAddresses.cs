namespace ContactSync.Engine.Normalisation;

/// <summary>E-mail addresses keep the user's local-part case (RFC 5321 lets a server honour it) but compare
/// ignoring case, as every mail system in practice does; the domain is always case-insensitive, so it is lowered.</summary>
public static class EmailAddresses
{
    /// <summary>Trimmed, NFC, "mailto:" and angle brackets removed, domain lower-cased.</summary>
    public static string Normalise(string? raw)
    {
        var s = TextForm.Line(raw);
        if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) s = s[7..].TrimStart();
        if (s.Length > 1 && s[0] == '<' && s[^1] == '>') s = s[1..^1].Trim();
        var at = s.LastIndexOf('@');
        return at < 0 ? s : s[..at] + "@" + s[(at + 1)..].ToLowerInvariant();
    }

    /// <summary>The key two addresses are compared by: equal keys mean the same mailbox.</summary>
    public static string ComparisonKey(string? address) => Normalise(address).ToLowerInvariant();

    public static bool AreSame(string? a, string? b) =>
        string.Equals(ComparisonKey(a), ComparisonKey(b), StringComparison.Ordinal);

    /// <summary>One '@' with something on each side, a dot in the domain and no space: enough to warn about typos
    /// without rejecting what a mail server might accept.</summary>
    public static bool LooksValid(string address)
    {
        var at = address.LastIndexOf('@');
        return at > 0 && at < address.Length - 1 && address.IndexOf('@') == at && !address.Contains(' ')
            && address[(at + 1)..].Contains('.') && !address.EndsWith('.');
    }
}
