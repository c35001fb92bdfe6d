namespace ContactSync.Handler.Jobs;

/// <summary>Job ids sort newest first inside a partition (inverted ticks), so "recent jobs" is one short query.</summary>
public static class JobIds
{
    public static string New(DateTimeOffset now) => $"{Prefix(now)}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Inverted ticks: ids sort newest first, and every job created before <paramref name="at"/> sorts after this.</summary>
    public static string Prefix(DateTimeOffset at) => $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}";

    /// <summary>Ids are <c>[A-Za-z0-9._-]{1,64}</c> (DESIGN.md §4); anything else is a 400 at the API.</summary>
    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
