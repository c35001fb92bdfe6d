using ContactSync.Engine.Items;

namespace ContactSync.Hub.Backups;

/// <summary>One field that differs between two snapshots' versions of an item (null: absent on that side).</summary>
public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>An item changed between two snapshots, with its field changes.</summary>
public sealed record ChangedItem(string Key, SnapshotItem From, SnapshotItem To, IReadOnlyList<FieldChange> Fields);

/// <summary>What changed from snapshot <c>from</c> to snapshot <c>to</c>. Items are matched by their hub marker when
/// they have one, else by remote id (<see cref="SnapshotItem.Key"/>).</summary>
public sealed record SnapshotDiff(IReadOnlyList<SnapshotItem> Added, IReadOnlyList<ChangedItem> Changed, IReadOnlyList<SnapshotItem> Removed)
{
    public static SnapshotDiff Between(IReadOnlyList<SnapshotItem> from, IReadOnlyList<SnapshotItem> to)
    {
        var before = from.GroupBy(i => i.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var after = to.GroupBy(i => i.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changed = new List<ChangedItem>();
        foreach (var (key, b) in before.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (after.TryGetValue(key, out var a) && Fields(b.Fields, a.Fields) is { Count: > 0 } fields)
                changed.Add(new ChangedItem(key, b, a, fields));
        return new SnapshotDiff(
            after.Where(p => !before.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList(),
            changed,
            before.Where(p => !after.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToList());
    }

    private static List<FieldChange> Fields(FieldMap from, FieldMap to) =>
        from.Values.Keys.Union(to.Values.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(f => new FieldChange(f, from.Values.GetValueOrDefault(f), to.Values.GetValueOrDefault(f)))
            .Where(c => !string.Equals(Blank(c.From), Blank(c.To), StringComparison.Ordinal))
            .ToList();

    private static string? Blank(string? v) => string.IsNullOrEmpty(v) ? null : v;
}
