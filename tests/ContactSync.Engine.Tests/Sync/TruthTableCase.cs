using ContactSync.Engine.Sync;

namespace ContactSync.Engine.Tests.Sync;

/// <summary>A row of the planner's truth table: what the hub (first) and the remote (second) did since the last sync.
/// S = same, C = changed, G = gone; CC splits into disjoint fields, the same field, and the same edit.</summary>
public enum Case { SS, CS, SC, CcDisjoint, CcOverlap, CcSameEdit, GS, GC, SG, CG, GG, NewHub, NewRemote, Match, LeaveScope }

/// <summary>What one side should hold after the sync, in hub form.</summary>
public enum Expect { Gone, Base, HubEdit, RemoteEdit, RemoteOverlap, Merged, SameEdit, New, Untagged, HubPlusRemoteJob }

/// <summary>
/// The expected outcome of each row, stated as what ends up on each side, independently of how the planner names its
/// actions. Mirrors the table in PairRules/NewItems: twoWay merges, export makes the remote mirror the hub, import makes
/// the hub mirror what the remote holds; the edit beats the delete unless the policy says the deleting side wins.
/// </summary>
public static class TruthTable
{
    public static (Expect Hub, Expect Remote) Outcome(Case c, SyncDirection d, ConflictPolicy p, DeleteMode m)
    {
        var remoteDelete = m == DeleteMode.Propagate ? (Expect.Gone, Expect.Gone) : (Expect.Base, Expect.Gone);
        return (c, d) switch
        {
            (Case.SS, _) => (Expect.Base, Expect.Base),
            (Case.CS, SyncDirection.Import) => (Expect.Base, Expect.Base),
            (Case.CS, _) => (Expect.HubEdit, Expect.HubEdit),
            (Case.SC, SyncDirection.Export) => (Expect.Base, Expect.Base),
            (Case.SC, _) => (Expect.RemoteEdit, Expect.RemoteEdit),
            (Case.CcDisjoint, SyncDirection.Export) => (Expect.HubEdit, Expect.HubEdit),
            (Case.CcDisjoint, SyncDirection.Import) => (Expect.RemoteEdit, Expect.RemoteEdit),
            (Case.CcDisjoint, _) => (Expect.Merged, Expect.Merged),
            (Case.CcOverlap, SyncDirection.Export) => (Expect.HubEdit, Expect.HubEdit),
            (Case.CcOverlap, SyncDirection.Import) => (Expect.RemoteOverlap, Expect.RemoteOverlap),
            (Case.CcOverlap, _) => p switch
            {
                ConflictPolicy.Manual => (Expect.HubEdit, Expect.RemoteOverlap), // waits for the user
                ConflictPolicy.HubWins => (Expect.HubEdit, Expect.HubEdit),
                _ => (Expect.RemoteOverlap, Expect.RemoteOverlap), // remoteWins; newestWins: the remote edited last
            },
            (Case.CcSameEdit, _) => (Expect.SameEdit, Expect.SameEdit),
            (Case.GS, SyncDirection.Import) => (Expect.Base, Expect.Base),
            (Case.GS, _) => (Expect.Gone, Expect.Gone),
            (Case.GC, SyncDirection.Export) => (Expect.Gone, Expect.Gone),
            (Case.GC, SyncDirection.TwoWay) when p == ConflictPolicy.HubWins => (Expect.Gone, Expect.Gone),
            (Case.GC, _) => (Expect.RemoteEdit, Expect.RemoteEdit),
            (Case.SG, SyncDirection.Export) => (Expect.Base, Expect.Base),
            (Case.SG, _) => remoteDelete,
            (Case.CG, SyncDirection.Export) => (Expect.HubEdit, Expect.HubEdit),
            (Case.CG, SyncDirection.TwoWay) when p != ConflictPolicy.RemoteWins => (Expect.HubEdit, Expect.HubEdit),
            (Case.CG, _) => m == DeleteMode.Propagate ? (Expect.Gone, Expect.Gone) : (Expect.HubEdit, Expect.Gone),
            (Case.GG, _) => (Expect.Gone, Expect.Gone),
            (Case.NewHub, SyncDirection.Import) => (Expect.New, Expect.Gone),
            (Case.NewRemote, SyncDirection.Export) => (Expect.Gone, Expect.New),
            (Case.NewHub or Case.NewRemote, _) => (Expect.New, Expect.New),
            (Case.Match, SyncDirection.Export) => (Expect.New, Expect.New),
            (Case.Match, _) => (Expect.HubPlusRemoteJob, Expect.HubPlusRemoteJob),
            (Case.LeaveScope, SyncDirection.Import) => (Expect.Untagged, Expect.Base),
            (Case.LeaveScope, _) => (Expect.Untagged, Expect.Gone),
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };
    }
}
