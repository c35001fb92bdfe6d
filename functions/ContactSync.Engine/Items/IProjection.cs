namespace ContactSync.Engine.Items;

/// <summary>
/// What a target can hold (M13). The hub keeps every value; on the way out an item is projected to the target's limits,
/// and on the way back a remote item is laid over the hub item so that values the target could not hold are kept, not
/// read as deletions.
/// </summary>
public interface IProjection
{
    /// <summary>The hub item as the target can hold it, with one warning per value left out.</summary>
    ProjectionResult Project(FieldMap hub);

    /// <summary>The hub item after taking the remote's edits: fields the remote holds come from it; values that were
    /// left out by <see cref="Project"/> stay as the hub has them.</summary>
    FieldMap MergeBack(FieldMap hub, FieldMap remote);
}

public sealed record ProjectionResult(FieldMap Item, IReadOnlyList<string> Warnings);

/// <summary>A target that holds everything (a CardDAV address book, the in-memory test remote by default).</summary>
public sealed class IdentityProjection : IProjection
{
    public static readonly IdentityProjection Instance = new();
    public ProjectionResult Project(FieldMap hub) => new(hub, []);
    public FieldMap MergeBack(FieldMap hub, FieldMap remote) => remote;
}
