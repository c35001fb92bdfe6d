namespace ContactSync.Engine.Normalisation;

/// <summary>The hub's classification tree path ("Customers/Poland/Warsaw"): segments tidied as text, empty ones dropped.</summary>
public static class ClassificationPath
{
    public const char Separator = '/';

    public static string Normalise(string? path) =>
        string.Join(Separator, (path ?? "").Split(Separator).Select(TextForm.Line).Where(s => s.Length > 0));

    /// <summary>Whether <paramref name="path"/> is <paramref name="branch"/> or below it, segment by segment and
    /// ignoring case ("Customers/Poland" holds "Customers/Poland/Warsaw" but not "Customers/Polandia").</summary>
    public static bool IsWithin(string? path, string? branch)
    {
        var p = Normalise(path);
        var b = Normalise(branch);
        if (b.Length == 0) return true;
        return p.Equals(b, StringComparison.OrdinalIgnoreCase)
            || p.StartsWith(b + Separator, StringComparison.OrdinalIgnoreCase);
    }
}
