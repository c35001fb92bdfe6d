using System.Globalization;
using ContactSync.Engine.Items;

namespace ContactSync.Engine.Sync;

/// <summary>
/// Which hub items belong to a target (M9, M12, M19): the target's sync tag in the hub's "syncTags" list, any of the
/// chosen categories, a branch of the classification tree, and events overlapping a time window. An empty part admits all.
/// Items imported from the target are stamped with the tag (and the branch when they have none) so they stay in scope.
/// </summary>
public sealed record Scope(
    string? SyncTag = null, IReadOnlySet<string>? Categories = null, string? ClassificationBranch = null,
    DateTimeOffset? WindowStart = null, DateTimeOffset? WindowEnd = null)
{
    public const string SyncTagsField = "syncTags";
    public static readonly Scope Everything = new();

    public bool Matches(FieldMap item) =>
        (SyncTag is null || item.List(SyncTagsField).Contains(SyncTag, StringComparer.Ordinal))
        && (Categories is not { Count: > 0 } || item.List("categories").Any(Categories.Contains))
        && (ClassificationBranch is null || InBranch(item["classification"], ClassificationBranch))
        && InWindow(item);

    public FieldMap Stamp(FieldMap item)
    {
        if (SyncTag is not null && !item.List(SyncTagsField).Contains(SyncTag, StringComparer.Ordinal))
            item = item.WithList(SyncTagsField, [.. item.List(SyncTagsField), SyncTag]);
        if (ClassificationBranch is not null && item["classification"] is null)
            item = item.With("classification", ClassificationBranch);
        return item;
    }

    private static bool InBranch(string? path, string branch) =>
        path is not null && (path.Equals(branch, StringComparison.OrdinalIgnoreCase)
                             || path.StartsWith(branch.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase));

    private bool InWindow(FieldMap item)
    {
        if (WindowStart is null && WindowEnd is null) return true;
        var start = Time(item["start"]);
        var end = Time(item["end"]) ?? start;
        if (start is null) return false;
        return (WindowEnd is null || start < WindowEnd) && (WindowStart is null || end >= WindowStart);
    }

    private static DateTimeOffset? Time(string? iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
