using ContactSync.Engine.Items;

namespace ContactSync.Hub.Directory;

/// <summary>Where an Entra ID group's members come from (the Graph connector's directory reads, plugged in by the
/// Handler): each member as contact fields, not yet normalised.</summary>
public interface IDirectorySource
{
    Task<IReadOnlyList<FieldMap>> GroupMembersAsync(string entraGroupId, CancellationToken ct = default);
}
