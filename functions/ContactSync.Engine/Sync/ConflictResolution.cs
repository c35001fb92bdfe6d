using ContactSync.Engine.Items;

namespace ContactSync.Engine.Sync;

public enum Pick { Hub, Remote, Value }

/// <summary>The user's choice for one conflicting field: the hub's value, the remote's, or a value of their own.</summary>
public sealed record FieldChoice(Pick Pick, string? Value = null);

/// <summary>Resolving a manual conflict (M16): every non-conflicting edit of both sides, plus the chosen value of each
/// conflicting field, becomes the item both sides get, written conditionally on the versions the conflict was seen at.</summary>
public static class ConflictResolution
{
    public static SyncAction Resolve(StatusRow row, IReadOnlyDictionary<string, FieldChoice> choices, IProjection projection)
    {
        var c = row.Conflict ?? throw new InvalidOperationException($"Pair {row.HubId} has no conflict to resolve");
        var missing = c.Fields.Select(f => f.Field).Where(f => !choices.ContainsKey(f)).ToList();
        if (missing.Count > 0) throw new ArgumentException($"No choice for {string.Join(", ", missing)}", nameof(choices));

        var (merged, _) = ThreeWay.Merge(row.Base, c.Hub, c.Remote);
        foreach (var f in c.Fields)
            merged = merged.With(f.Field, choices[f.Field] switch
            {
                { Pick: Pick.Hub } => f.Hub,
                { Pick: Pick.Remote } => f.Remote,
                var v => v.Value,
            });
        var p = new HubFieldsProjection(projection);
        var projected = p.Project(merged);
        var remoteWrite = projected.Item.Equals(c.RemoteHeld) ? Write.None : Write.Update;
        return new SyncAction(ActionKind.Merge, row.HubId, row.RemoteId)
        {
            Hub = merged.Equals(c.HubHeld) ? Write.None : Write.Update, Remote = remoteWrite,
            HubVersion = c.HubVersion, RemoteVersion = c.RemoteVersion, Row = row, Result = merged,
            RemoteItem = projected.Item, Warnings = remoteWrite == Write.None ? [] : projected.Warnings,
        };
    }
}
