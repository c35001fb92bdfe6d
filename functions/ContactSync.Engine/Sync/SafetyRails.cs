namespace ContactSync.Engine.Sync;

/// <summary>The named reasons a run stops for a target before writing anything (vdirsyncer's StorageEmpty, BothReadOnly).</summary>
public enum SafetyRail
{
    /// <summary>A side that had items now lists none: more likely a wrong folder or a broken connector than a user
    /// who deleted everything.</summary>
    SideSuddenlyEmpty,
    /// <summary>The run would delete more than the configured share of the target's pairs.</summary>
    MassDelete,
    /// <summary>The plan would write to a side that is read-only.</summary>
    ReadOnlySide,
}

public sealed record RailTrip(SafetyRail Rail, string Side, string Reason);

public static class SafetyRails
{
    /// <summary>The first rail the plan trips, or null when it may run.</summary>
    public static RailTrip? Check(Plan plan, bool hubReadOnly, bool remoteReadOnly, RailOptions o)
    {
        if (o.StopWhenSideEmpty && plan.Pairs > 0)
        {
            if (plan.RemoteGone == plan.Pairs) return new(SafetyRail.SideSuddenlyEmpty, "remote", $"all {plan.Pairs} linked items are gone from the remote");
            if (plan.HubGone == plan.Pairs) return new(SafetyRail.SideSuddenlyEmpty, "hub", $"all {plan.Pairs} linked items are gone from the hub");
        }
        var remoteDeletes = plan.Actions.Count(a => a.Remote == Write.Delete);
        var hubDeletes = plan.Actions.Count(a => a.Hub == Write.Delete);
        if (TooMany(remoteDeletes, plan.Pairs, o))
            return new(SafetyRail.MassDelete, "remote", $"{remoteDeletes} of {plan.Pairs} items would be deleted from the remote (limit {o.MassDeleteShare:P0})");
        if (TooMany(hubDeletes, plan.Pairs, o))
            return new(SafetyRail.MassDelete, "hub", $"{hubDeletes} of {plan.Pairs} items would be deleted from the hub (limit {o.MassDeleteShare:P0})");
        if (remoteReadOnly && plan.Actions.Any(a => a.Remote != Write.None))
            return new(SafetyRail.ReadOnlySide, "remote", $"{plan.Actions.Count(a => a.Remote != Write.None)} writes planned to a read-only remote");
        if (hubReadOnly && plan.Actions.Any(a => a.Hub != Write.None))
            return new(SafetyRail.ReadOnlySide, "hub", $"{plan.Actions.Count(a => a.Hub != Write.None)} writes planned to a read-only hub");
        return null;
    }

    private static bool TooMany(int deletes, int pairs, RailOptions o) =>
        deletes >= o.MassDeleteMinimum && deletes > o.MassDeleteShare * pairs;
}
