using ContactSync.Engine.Ports;

namespace ContactSync.Engine.Sync;

internal enum ItemState { Same, Changed, Gone }

/// <summary>One side as the planner sees it: the listing (versions) and the content fetched for the ids it needed.</summary>
public sealed class SideView
{
    internal readonly Dictionary<string, string> Versions;
    internal readonly HashSet<string> Deleted;
    internal readonly Dictionary<string, StoredItem> Items;
    public bool IsFullListing { get; }

    public SideView(ChangeSet changes, IEnumerable<StoredItem> items)
    {
        Versions = new Dictionary<string, string>(changes.Changed.Count, StringComparer.Ordinal);
        foreach (var v in changes.Changed) Versions[v.Id] = v.Version;
        Deleted = new HashSet<string>(changes.Deleted, StringComparer.Ordinal);
        Items = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        IsFullListing = changes.IsFullListing;
    }

    /// <summary>The version the listing shows for an item we last saw at <paramref name="lastVersion"/>;
    /// null when the item is gone.</summary>
    internal string? VersionOf(string id, string lastVersion)
    {
        if (Deleted.Contains(id)) return null;
        if (Versions.TryGetValue(id, out var v)) return v;
        return IsFullListing ? null : lastVersion;
    }

    /// <summary>Whether the item's version is no longer <paramref name="since"/> (or the item is gone).</summary>
    internal bool Moved(string id, string since) =>
        Deleted.Contains(id) || (Versions.TryGetValue(id, out var v) ? v != since : IsFullListing);

    internal bool Mentions(string id) => Versions.ContainsKey(id) || Deleted.Contains(id);

    /// <summary>Ids whose content the planner needs: new ones and those whose version moved. Versions first, content later.</summary>
    public static IReadOnlyCollection<string> NeededIds(ChangeSet changes, IReadOnlyDictionary<string, string> lastVersions)
    {
        var deleted = changes.Deleted.Count == 0 ? null : new HashSet<string>(changes.Deleted, StringComparer.Ordinal);
        var ids = new List<string>();
        foreach (var (id, version) in changes.Changed)
            if (deleted?.Contains(id) != true && (!lastVersions.TryGetValue(id, out var last) || last != version)) ids.Add(id);
        return ids;
    }
}
