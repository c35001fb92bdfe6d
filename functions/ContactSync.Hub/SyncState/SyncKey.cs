namespace ContactSync.Hub.SyncState;

/// <summary>One (tenant, target, section): the unit that is scheduled, leased and run. Ids are
/// <c>[A-Za-z0-9._-]</c>, so <c>|</c> joins them into keys unambiguously.</summary>
public sealed record SyncKey(string TenantId, string TargetId, string Section)
{
    /// <summary><c>{tenant}|{target}</c>: the syncstate and runs partition (one target's rows together).</summary>
    public string TargetPartition => $"{TenantId}|{TargetId}";

    /// <summary><c>{tenant}|{target}|{section}</c>: the pairs partition and the due index's RowKey.</summary>
    public override string ToString() => $"{TenantId}|{TargetId}|{Section}";

    public static SyncKey Parse(string text) =>
        text.Split('|') is [var t, var g, var s] ? new(t, g, s) : throw new FormatException($"'{text}' is not tenant|target|section.");
}
