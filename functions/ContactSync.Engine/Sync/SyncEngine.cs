using ContactSync.Engine.Ports;

namespace ContactSync.Engine.Sync;

/// <summary>The ids a webhook named (M24): a partial sync looks only at these and their counterparts.</summary>
public sealed record PartialIds(IReadOnlyCollection<string> Hub, IReadOnlyCollection<string> Remote);

/// <summary>
/// One target's sync: list both sides' changes, fetch the content the planner needs, plan, check the safety rails,
/// execute, and save the delta tokens only after a run that left nothing to retry. The scheduled run lists changes
/// since the tokens; the webhook's partial run reads only the named ids and leaves the tokens alone.
/// </summary>
public sealed class SyncEngine(IItemStore hub, IItemStore remote, IStatusStore status)
{
    public async Task<RunReport> RunAsync(SyncOptions options, PartialIds? only = null, CancellationToken ct = default)
    {
        var (plan, tokens) = await PrepareAsync(options, only, ct).ConfigureAwait(false);
        var report = new RunReport { Planned = plan.Actions.Count(a => a.Kind != ActionKind.Skip) };
        report.StoppedBy = SafetyRails.Check(plan, hub.IsReadOnly, remote.IsReadOnly, options.Rails);
        if (report.StoppedBy is not null) return report;
        if (options.Progress is { } progress) await progress(0, report.Planned, ct).ConfigureAwait(false);
        await new Executor(hub, remote, status).ExecuteAsync(plan.Actions, options.BatchSize, report, ct, wholeTarget: only is null,
            options.Progress).ConfigureAwait(false);
        if (tokens is not null && report.Errors.Count == 0) await status.SaveTokensAsync(tokens, ct).ConfigureAwait(false);
        return report;
    }

    /// <summary>The plan a run would carry out now, without writing anything (a dry run, and the second-sync check).</summary>
    public async Task<Plan> PlanAsync(SyncOptions options, PartialIds? only = null, CancellationToken ct = default) =>
        (await PrepareAsync(options, only, ct).ConfigureAwait(false)).Plan;

    /// <summary>Resolves a manual conflict with the user's per-field choices and writes the merged item to both sides.</summary>
    public async Task<RunReport> ResolveAsync(
        string hubId, IReadOnlyDictionary<string, FieldChoice> choices, SyncOptions options, CancellationToken ct = default)
    {
        var row = (await status.LoadAsync(ct).ConfigureAwait(false)).FirstOrDefault(r => r.HubId == hubId && r.Conflict is not null)
                  ?? throw new InvalidOperationException($"No conflict waits for hub item {hubId}");
        var report = new RunReport { Planned = 1 };
        await new Executor(hub, remote, status).ExecuteAsync([ConflictResolution.Resolve(row, choices, options.Projection)], 1, report, ct).ConfigureAwait(false);
        return report;
    }

    private async Task<(Plan Plan, SyncTokens? Tokens)> PrepareAsync(SyncOptions options, PartialIds? only, CancellationToken ct)
    {
        var rows = await status.LoadAsync(ct).ConfigureAwait(false);
        var lastHub = rows.ToDictionary(r => r.HubId, r => r.HubVersion, StringComparer.Ordinal);
        var lastRemote = rows.Where(r => !r.IsUnlinked).ToDictionary(r => r.RemoteId, r => r.RemoteVersion, StringComparer.Ordinal);
        SideView hubView, remoteView;
        SyncTokens? next = null;
        if (only is null)
        {
            var tokens = await status.LoadTokensAsync(ct).ConfigureAwait(false);
            var hubChanges = await hub.ListChangesAsync(tokens.Hub, ct).ConfigureAwait(false);
            var remoteChanges = await remote.ListChangesAsync(tokens.Remote, ct).ConfigureAwait(false);
            hubView = await ViewAsync(hub, hubChanges, lastHub, ct).ConfigureAwait(false);
            remoteView = await ViewAsync(remote, remoteChanges, lastRemote, ct).ConfigureAwait(false);
            next = new SyncTokens(hubChanges.NextToken, remoteChanges.NextToken);
        }
        else
        {
            var byRemote = rows.Where(r => !r.IsUnlinked).ToDictionary(r => r.RemoteId, r => r.HubId, StringComparer.Ordinal);
            var byHub = rows.Where(r => !r.IsUnlinked).ToDictionary(r => r.HubId, r => r.RemoteId, StringComparer.Ordinal);
            // Each named item with its counterpart: the paired one, or the one its marker names (an interrupted create).
            remoteView = await ReadAsync(remote, only.Remote.Concat(only.Hub.Where(byHub.ContainsKey).Select(id => byHub[id])), ct).ConfigureAwait(false);
            var remoteMarkers = remoteView.Items.Values.Select(i => i.Marker).OfType<string>();
            var unpaired = only.Remote.Where(id => !byRemote.ContainsKey(id)).ToList();
            var hubCopies = unpaired.Count == 0 ? [] : await hub.FindByMarkersAsync(unpaired, ct).ConfigureAwait(false);
            hubView = await ReadAsync(hub, only.Hub.Concat(only.Remote.Where(byRemote.ContainsKey).Select(id => byRemote[id]))
                .Concat(remoteMarkers).Concat(hubCopies.Select(c => c.Id)), ct).ConfigureAwait(false);
        }
        return (Planner.Plan(rows, hubView, remoteView, options), next);
    }

    /// <summary>A partial view made of the named ids: those still there as changed (with their content), the rest as deleted.</summary>
    private static async Task<SideView> ReadAsync(IItemStore store, IEnumerable<string> named, CancellationToken ct)
    {
        var ids = named.Distinct(StringComparer.Ordinal).ToList();
        var found = ids.Count == 0 ? [] : await store.GetManyAsync(ids, ct).ConfigureAwait(false);
        var present = found.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var changes = new ChangeSet(found.Select(f => new ItemVersion(f.Id, f.Version)).ToList(), ids.Where(i => !present.Contains(i)).ToList(), false, null);
        return new SideView(changes, found);
    }

    /// <summary>The listing plus the content the planner needs; an item whose last version is unknown (empty) is read
    /// again and counts as changed, whether or not the listing names it.</summary>
    private static async Task<SideView> ViewAsync(IItemStore store, ChangeSet changes, IReadOnlyDictionary<string, string> last, CancellationToken ct)
    {
        var listed = changes.Changed.Select(c => c.Id).Concat(changes.Deleted).ToHashSet(StringComparer.Ordinal);
        var unknown = last.Where(kv => kv.Value.Length == 0 && !listed.Contains(kv.Key)).Select(kv => kv.Key).ToList();
        var needed = SideView.NeededIds(changes, last).Concat(unknown).ToList();
        var items = needed.Count == 0 ? [] : await store.GetManyAsync(needed, ct).ConfigureAwait(false);
        if (unknown.Count > 0 && !changes.IsFullListing)
        {
            var found = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
            changes = changes with
            {
                Changed = [.. changes.Changed, .. unknown.Where(found.ContainsKey).Select(id => new ItemVersion(id, found[id].Version))],
                Deleted = [.. changes.Deleted, .. unknown.Where(id => !found.ContainsKey(id))],
            };
        }
        return new SideView(changes, items);
    }
}
