using ContactSync.Engine.Items;

namespace ContactSync.Engine.Sync;

/// <summary>
/// Both sides changed since the base (M16). The same edit on both sides settles itself; edits to different fields are
/// merged field by field; fields both sides set to different values go by the policy: hubWins, remoteWins, newestWins
/// (the later modification time; a tie or an unknown time keeps the hub's), or manual (a Conflict waits for the user).
/// A first-sync link uses the fields both items agree on as its base.
/// </summary>
internal static class ThreeWay
{
    public static void Decide(PlanContext ctx, StatusRow? row, FieldMap @base, string hubId, Side h, string remoteId, Side r, bool link)
    {
        var (merged, conflicts) = Merge(@base, h.Content, r.Content);
        if (conflicts.Count > 0)
        {
            var takeRemote = ctx.Options.Policy switch
            {
                ConflictPolicy.RemoteWins => true,
                ConflictPolicy.NewestWins => r.Raw?.Modified is { } rm && h.Raw?.Modified is { } hm ? rm > hm : r.Raw?.Modified is not null && h.Raw?.Modified is null,
                _ => false,
            };
            if (ctx.Options.Policy == ConflictPolicy.Manual)
            {
                ctx.Actions.Add(new SyncAction(ActionKind.Conflict, hubId, remoteId)
                {
                    HubVersion = h.Version, RemoteVersion = r.Version, Row = row, Result = @base,
                    Conflict = new PendingConflict(h.Version, r.Version, h.Content, r.Content, h.Raw?.Item ?? h.Content,
                        r.Raw?.Item ?? ctx.Projection.Project(r.Content).Item, conflicts),
                    Reason = $"both sides changed {string.Join(", ", conflicts.Select(c => c.Field))}",
                });
                return;
            }
            foreach (var c in conflicts) merged = merged.With(c.Field, takeRemote ? c.Remote : c.Hub);
        }
        ctx.Converge(row, hubId, h, remoteId, r, merged, link);
    }

    /// <summary>The base with each side's changed fields; fields changed on both sides to different values are left at
    /// the base and returned as conflicts.</summary>
    public static (FieldMap Merged, IReadOnlyList<ConflictField> Conflicts) Merge(FieldMap @base, FieldMap hub, FieldMap remote)
    {
        var merged = @base;
        var conflicts = new List<ConflictField>();
        var hubChanged = FieldMap.ChangedFields(@base, hub);
        foreach (var f in hubChanged) merged = merged.With(f, hub[f]);
        foreach (var f in FieldMap.ChangedFields(@base, remote).Order(StringComparer.Ordinal))
        {
            if (!hubChanged.Contains(f)) merged = merged.With(f, remote[f]);
            else if (!string.Equals(hub[f], remote[f], StringComparison.Ordinal))
            {
                merged = merged.With(f, @base[f]);
                conflicts.Add(new ConflictField(f, @base[f], hub[f], remote[f]));
            }
        }
        return (merged, conflicts);
    }

    /// <summary>The fields on which two items agree: the base of a first-sync link.</summary>
    public static FieldMap Common(FieldMap a, FieldMap b) =>
        FieldMap.From(a.Values.Where(kv => b[kv.Key] == kv.Value).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)));
}
