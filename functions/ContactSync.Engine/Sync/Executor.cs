using ContactSync.Engine.Ports;

namespace ContactSync.Engine.Sync;

/// <summary>
/// Applies a plan through the ports, <see cref="SyncOptions.BatchSize"/> actions at a time: the hub writes of the batch
/// in one call, then the remote writes of the actions whose hub write held, then each action's status row, saved only
/// once its writes are confirmed. While a create may have landed without its row (the status store's "creates in
/// flight" flag, set before a run's first create and cleared when every create was confirmed or refused), a create first
/// looks for an item carrying its marker, so a retry after a crash between a create and its row never creates a
/// duplicate; a run after a clean one pays no lookup. A failed item goes into the report with the
/// remote's message and the run goes on; a version mismatch leaves the pair for the next run to plan again.
/// </summary>
public sealed class Executor(IItemStore hub, IItemStore remote, IStatusStore status)
{
    /// <summary>A write's outcome. <see cref="Adopted"/> is an earlier copy that changed since its interrupted create.</summary>
    private readonly record struct Outcome(string? Id, string? Version, ItemStoreException? Error, Items.FieldMap? Adopted = null);

    /// <param name="wholeTarget">A full run, which plans every pair again: only it may clear the "creates in flight" flag
    /// (a partial or conflict run may leave an interrupted create untouched).</param>
    /// <param name="progress">Told (done, total) after each batch.</param>
    public async Task ExecuteAsync(IReadOnlyList<SyncAction> actions, int batchSize, RunReport report, CancellationToken ct = default,
        bool wholeTarget = false, Func<int, int, CancellationToken, Task>? progress = null)
    {
        var lookUp = await status.LoadCreatesInFlightAsync(ct).ConfigureAwait(false);
        var flagged = lookUp;
        var createUnconfirmed = false;
        foreach (var skip in actions.Where(a => a.Kind == ActionKind.Skip))
        {
            report.Done(skip.Kind);
            report.Skipped.Add(new ItemSkip(skip.HubId, skip.RemoteId, skip.Reason ?? ""));
        }
        var (done, total) = (0, actions.Count(a => a.Kind != ActionKind.Skip));
        foreach (var chunk in actions.Where(a => a.Kind != ActionKind.Skip).Chunk(Math.Max(1, batchSize)))
        {
            if (!flagged && chunk.Any(a => a.Hub == Write.Create || a.Remote == Write.Create))
            {
                await status.SaveCreatesInFlightAsync(true, ct).ConfigureAwait(false);
                flagged = true;
            }
            var hubDone = await WriteAsync(hub, chunk, i => chunk[i].Hub == Write.None ? null : HubOp(chunk[i]), lookUp, ct).ConfigureAwait(false);
            var remoteDone = await WriteAsync(remote, chunk,
                i => chunk[i].Remote == Write.None || hubDone[i].Error is not null ? null : RemoteOp(chunk[i], hubDone[i]), lookUp, ct).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                var a = chunk[i];
                if ((hubDone[i].Error ?? remoteDone[i].Error) is { } error)
                {
                    // A refused create (400) did not land; any other failure may have, so the next run looks first.
                    createUnconfirmed |= (a.Hub == Write.Create || a.Remote == Write.Create) && error is not ItemRejectedException;
                    report.Errors.Add(new ItemError(a.Kind, a.HubId, a.RemoteId, Describe(error), error.RemoteMessage));
                    continue;
                }
                await SaveRowAsync(a, hubDone[i], remoteDone[i], ct).ConfigureAwait(false);
                report.Done(a.Kind);
                report.Warnings.AddRange(a.Warnings.Select(w => new ItemWarning(a.HubId, a.RemoteId, w)));
            }
            done += chunk.Length;
            if (progress is not null) await progress(done, total, ct).ConfigureAwait(false);
        }
        if (flagged && wholeTarget && !createUnconfirmed) await status.SaveCreatesInFlightAsync(false, ct).ConfigureAwait(false);
    }

    private static WriteOp HubOp(SyncAction a) => a.Hub switch
    {
        Write.Create => new CreateOp(a.Result!, a.RemoteId!),
        Write.Update => new UpdateOp(a.HubId!, a.HubVersion!, a.Result!),
        _ => new DeleteOp(a.HubId!, a.HubVersion!),
    };

    private static WriteOp RemoteOp(SyncAction a, Outcome hubDone) => a.Remote switch
    {
        Write.Create => new CreateOp(a.RemoteItem!, hubDone.Id ?? a.HubId!),
        Write.Update => new UpdateOp(a.RemoteId!, a.RemoteVersion!, a.RemoteItem!),
        _ => new DeleteOp(a.RemoteId!, a.RemoteVersion!),
    };

    /// <summary>One store call for the writes of these actions, outcomes aligned with the actions; an action with no
    /// write on this side (<paramref name="opOf"/> gives null) succeeds as is.</summary>
    private static async Task<Outcome[]> WriteAsync(IItemStore store, SyncAction[] actions, Func<int, WriteOp?> opOf, bool lookUp,
        CancellationToken ct)
    {
        var outcomes = new Outcome[actions.Length];
        var index = new List<int>();
        var ops = new List<WriteOp>();
        for (var i = 0; i < actions.Length; i++)
            if (opOf(i) is { } op) { index.Add(i); ops.Add(op); }
        if (ops.Count == 0) return outcomes;

        // A create whose marker is already there was written by a run that stopped before saving its row. The same
        // content is adopted as it is. A copy changed since is adopted unwritten, its row saved with unknown versions
        // and the fields both agree on as the base, so the next run reads both sides again and merges them three-way
        // as a first-sync link would: an edit made meanwhile on either side is not overwritten.
        var markers = ops.OfType<CreateOp>().Select(c => c.Marker).OfType<string>().ToList();
        var found = markers.Count == 0 || !lookUp ? [] : (await store.FindByMarkersAsync(markers, ct).ConfigureAwait(false))
            .GroupBy(s => s.Marker!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var send = new List<int>();
        for (var k = 0; k < ops.Count; k++)
        {
            if (ops[k] is not CreateOp { Marker: { } marker } c || !found.TryGetValue(marker, out var earlier)) send.Add(k);
            else if (earlier.Item.Equals(c.Item)) outcomes[index[k]] = new Outcome(earlier.Id, earlier.Version, null);
            else outcomes[index[k]] = new Outcome(earlier.Id, "", null, earlier.Item);
        }
        if (send.Count == 0) return outcomes;

        var batch = send.Select(k => ops[k]).ToList();
        IReadOnlyList<WriteResult> results;
        try { results = await store.WriteAsync(batch, ct).ConfigureAwait(false); }
        catch (ItemStoreException e) { results = batch.Select(op => WriteResult.Failure(op, e)).ToList(); }
        for (var b = 0; b < batch.Count; b++)
        {
            var r = results[b];
            outcomes[index[send[b]]] = r.Error is ItemNotFoundException && r.Op is DeleteOp
                ? default // already gone: the delete is done
                : new Outcome(r.Written?.Id, r.Written?.Version, r.Error);
        }
        return outcomes;
    }

    private async Task SaveRowAsync(SyncAction a, Outcome hubDone, Outcome remoteDone, CancellationToken ct)
    {
        var hubId = hubDone.Id ?? a.HubId!;
        switch (a.RowChange)
        {
            case RowChange.Remove:
                await status.RemoveAsync(a.Row!.HubId, ct).ConfigureAwait(false);
                break;
            case RowChange.Tombstone:
                await status.SaveAsync(StatusRow.Unlinked(hubId, a.HubVersion!, a.Row!.Base), a.Row.HubId != hubId ? a.Row.HubId : null, ct).ConfigureAwait(false);
                break;
            case RowChange.Save when a.Conflict is { } conflict:
                await status.SaveAsync(Waiting(a, conflict), a.Row is { } was && was.HubId != a.HubId ? was.HubId : null, ct).ConfigureAwait(false);
                break;
            case RowChange.Save when (hubDone.Adopted ?? remoteDone.Adopted) is { } copy:
                await status.SaveAsync(new StatusRow(hubId, remoteDone.Id ?? a.RemoteId!, "", "", "", Common(a.Result!, copy)),
                    a.Row is { } prior && prior.HubId != hubId ? prior.HubId : null, ct).ConfigureAwait(false);
                break;
            case RowChange.Save:
                var replaces = a.Row is { } old && old.HubId != hubId ? old.HubId : null;
                await status.SaveAsync(StatusRow.Synced(hubId, remoteDone.Id ?? a.RemoteId!, hubDone.Version ?? a.HubVersion!,
                    remoteDone.Version ?? a.RemoteVersion!, a.Result!), replaces, ct).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The row of a pair waiting for the user: the last synced state, now naming the items the conflict is
    /// between (a side re-created by an interrupted run has a new id, and no synced version but the one seen).</summary>
    private static StatusRow Waiting(SyncAction a, PendingConflict conflict)
    {
        var row = a.Row ?? StatusRow.Synced(a.HubId!, a.RemoteId!, a.HubVersion!, a.RemoteVersion!, a.Result!);
        if (row.HubId != a.HubId) row = row with { HubId = a.HubId!, HubVersion = a.HubVersion! };
        if (row.RemoteId != a.RemoteId) row = row with { RemoteId = a.RemoteId!, RemoteVersion = a.RemoteVersion! };
        return row with { Conflict = conflict };
    }

    private static Items.FieldMap Common(Items.FieldMap a, Items.FieldMap b) =>
        Items.FieldMap.From(a.Values.Where(kv => b[kv.Key] == kv.Value).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)));

    private static string Describe(ItemStoreException e) => e is VersionMismatchException
        ? $"{e.Message}: the item changed during the run and will be planned again"
        : e.Message;
}
