using ContactSync.Engine.Items;
using ContactSync.Engine.Sync;

namespace ContactSync.Engine.Tests.Sync;

/// <summary>Every row of the truth table under every direction, conflict policy and delete mode, run through the real
/// engine and in-memory stores; each checks what both sides hold afterwards and that a second sync plans nothing.</summary>
public sealed class TruthTableTests
{
    public static TheoryData<Case, SyncDirection, ConflictPolicy, DeleteMode> All()
    {
        var data = new TheoryData<Case, SyncDirection, ConflictPolicy, DeleteMode>();
        foreach (var c in Enum.GetValues<Case>())
        foreach (var d in Enum.GetValues<SyncDirection>())
        foreach (var p in Enum.GetValues<ConflictPolicy>())
        foreach (var m in Enum.GetValues<DeleteMode>())
            data.Add(c, d, p, m);
        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task Row_ends_as_the_table_says_and_a_second_sync_does_nothing(Case c, SyncDirection d, ConflictPolicy p, DeleteMode m)
    {
        var h = new Harness();
        h.Options = h.Options with { Direction = d, Policy = p, DeleteMode = m, Scope = new Scope(SyncTag: "t1") };
        var world = await TruthTableWorld.SetUpAsync(h, c);
        world.Act(c);

        var report = await h.SyncAsync();
        Assert.Null(report.StoppedBy);
        Assert.Empty(report.Errors);

        var (hubExpect, remoteExpect) = TruthTable.Outcome(c, d, p, m);
        var hubItem = world.HubSubject();
        var remoteItem = world.RemoteSubject();
        Assert.Equal(world.Content(hubExpect, onHub: true)?.ToString(), hubItem?.ToString());
        Assert.Equal(world.Content(remoteExpect, onHub: false) is { } r ? Harness.Held(r).ToString() : null, remoteItem?.ToString());
        world.AssertBystanderUntouched();

        var pending = h.Status.Rows.Where(row => row.Conflict is not null).ToList();
        if (c == Case.CcOverlap && d == SyncDirection.TwoWay && p == ConflictPolicy.Manual)
            Assert.Equal("jobTitle", Assert.Single(Assert.Single(pending).Conflict!.Fields).Field);
        else
            Assert.Empty(pending);
        Assert.True((await h.PlanAsync()).IsQuiet, "a second sync must plan nothing");
    }
}
