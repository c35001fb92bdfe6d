using ContactSync.Engine.Items;
using ContactSync.Engine.Sync;

namespace ContactSync.Engine.Tests.Sync;

/// <summary>One seeded history and the invariants checked at its end.</summary>
public static class ModelRun
{
    public static async Task<int> RunAsync(int seed, bool exchange = false)
    {
        var w = new ModelWorld(seed, exchange);
        try { return await RunAsync(w, seed); }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n--- history ---\n{string.Join("\n", w.Trace)}\n--- hub ---\n"
                + string.Join("\n", w.H.Hub.Items.Select(i => $"{i.Id} v{i.Version} m={i.Marker}: {i.Item}")) + "\n--- remote ---\n"
                + string.Join("\n", w.H.Remote.Items.Select(i => $"{i.Id} v{i.Version} m={i.Marker}: {i.Item}")) + "\n--- rows ---\n"
                + string.Join("\n", w.H.Status.Rows.Select(r => $"{r.HubId}/{r.RemoteId} {r.HubVersion}/{r.RemoteVersion} conflict={r.Conflict is not null}")));
        }
    }

    private static async Task<int> RunAsync(ModelWorld w, int seed)
    {
        var h = w.Build();
        var steps = 5 + new Random(seed).Next(25);
        for (var i = 0; i < steps; i++) await w.StepAsync();

        var report = await SettleAsync(w);
        Assert.Null(report.StoppedBy);
        Assert.Empty(report.Errors);

        foreach (var row in h.Status.Rows.Where(r => r.Conflict is not null).ToList())
        {
            var resolved = await h.Engine.ResolveAsync(row.HubId,
                row.Conflict!.Fields.ToDictionary(f => f.Field, _ => new FieldChoice(Pick.Remote)), h.Options);
            Assert.Empty(resolved.Errors);
        }
        Assert.Empty((await SettleAsync(w)).Errors);

        var remoteWritesBefore = h.Remote.AttemptedWrites;
        var second = await h.PlanAsync();
        Assert.True(second.IsQuiet, $"second sync planned: {string.Join(", ", second.Actions.Select(a => a.Kind))}");
        AssertAgree(h);
        AssertNothingLost(w);
        AssertNoDuplicates(h);
        if (h.Remote.IsReadOnly) Assert.Equal(0, h.Remote.AttemptedWrites);
        Assert.Equal(remoteWritesBefore, h.Remote.AttemptedWrites);
        return w.Crashes;
    }

    /// <summary>Runs clean syncs until one leaves nothing to retry (a version that moved during a run is planned again).</summary>
    private static async Task<RunReport> SettleAsync(ModelWorld w)
    {
        for (var i = 0; ; i++)
        {
            var report = (await w.SyncAsync(crashAt: 0))!;
            if (report.Errors.Count == 0 || i == 5) return report;
        }
    }

    private static void AssertAgree(Harness h)
    {
        foreach (var row in h.Status.Rows.Where(r => !r.IsUnlinked))
        {
            var hub = h.Hub[row.HubId] ?? throw new Xunit.Sdk.XunitException($"row {row.HubId} has no hub item");
            var remote = h.Remote[row.RemoteId] ?? throw new Xunit.Sdk.XunitException($"row {row.RemoteId} has no remote item");
            if (h.Options.Direction == SyncDirection.Import) AssertHubHolds(hub.Item, remote.Item);
            else Assert.Equal(Harness.Held(h.Options.Projection, hub.Item).ToString(), remote.Item.ToString());
            Assert.Equal(hub.Item, row.Base);
        }
        var paired = h.Status.Rows.Select(r => r.RemoteId).ToHashSet();
        var hubPaired = h.Status.Rows.Select(r => r.HubId).ToHashSet();
        if (h.Options.Direction != SyncDirection.Export)
            Assert.All(h.Remote.Items, r => Assert.Contains(r.Id, paired));
        if (h.Options.Direction != SyncDirection.Import)
            Assert.All(h.Hub.Items.Where(i => h.Options.Scope.Matches(i.Item)), i => Assert.Contains(i.Id, hubPaired));
    }

    /// <summary>Import: every value the remote holds is in the hub (a list's entries first, in order); the hub may keep
    /// more that the remote never had room for.</summary>
    private static void AssertHubHolds(FieldMap hub, FieldMap remote)
    {
        foreach (var (field, _) in remote.Values)
            Assert.Equal(remote.List(field), hub.List(field).Take(remote.List(field).Count));
    }

    /// <summary>Every hub item the people made is still there unless a remote deletion could take it, with the notes
    /// (a value the remote cannot hold) the hub last had.</summary>
    private static void AssertNothingLost(ModelWorld w)
    {
        foreach (var (id, notes) in w.HubNotes)
        {
            if (w.H.Hub[id] is { } item) Assert.Equal(notes, item.Item["notes"]);
            else Assert.Contains(id, w.MayLoseFromHub);
        }
    }

    private static void AssertNoDuplicates(Harness h)
    {
        Assert.Equal(h.Status.Rows.Count(r => !r.IsUnlinked), h.Status.Rows.Where(r => !r.IsUnlinked).Select(r => r.RemoteId).Distinct().Count());
        Assert.All(h.Remote.Items.Where(i => i.Marker is not null).GroupBy(i => i.Marker), g => Assert.Single(g));
        Assert.All(h.Hub.Items.Where(i => i.Marker is not null).GroupBy(i => i.Marker), g => Assert.Single(g));
    }
}
