using ContactSync.Engine.Ports;
using ContactSync.Hub.Directory;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Targets;

namespace ContactSync.Hub.HubItems;

/// <summary>
/// The hub side of a business-contacts sync (M7), read-only: the members of the groups the target gets
/// (<see cref="BusinessContactScope"/>), one per member id; version = the member's content hash. The sync exports them
/// one way to the mailbox, and deletes there only the items it manages (those carrying its marker).
/// <para>Every listing is a full one. That is fine: a target's members are a few partitions of the members table (a
/// few thousand rows at most, read in pages of 1,000), members carry no change feed, and the engine compares each
/// version with its status row, so an unchanged member costs no write on either side. A full listing is also what makes
/// a removed group or member show up as a delete.</para>
/// </summary>
public sealed class BusinessContactsSource(BusinessContactScope scope, string tenantId, Target target, BusinessContactsSection section)
    : IItemStore
{
    private const string Token = "full";
    private Dictionary<string, StoredItem>? _members;

    public bool IsReadOnly => true;

    public async Task<ChangeSet> ListChangesAsync(string? syncToken, CancellationToken ct = default)
    {
        var members = await LoadAsync(refresh: true, ct);
        return new ChangeSet([.. members.Values.Select(m => new ItemVersion(m.Id, m.Version))], [], true, Token);
    }

    /// <summary>From the last listing's snapshot (one run reads the groups once); the members on first use.</summary>
    public async Task<IReadOnlyList<StoredItem>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        var members = await LoadAsync(refresh: false, ct);
        return [.. ids.Distinct(StringComparer.Ordinal).Where(members.ContainsKey).Select(id => members[id])];
    }

    /// <summary>Directory members carry no markers: the hub side never receives items from the mailbox.</summary>
    public Task<IReadOnlyList<StoredItem>> FindByMarkersAsync(IReadOnlyCollection<string> markers, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<StoredItem>>([]);

    public Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOp> ops, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<WriteResult>>(
            [.. ops.Select(op => WriteResult.Failure(op, new ReadOnlyStoreException($"business contacts of {tenantId}/{target.Id}")))]);

    private async Task<Dictionary<string, StoredItem>> LoadAsync(bool refresh, CancellationToken ct)
    {
        if (_members is not null && !refresh) return _members;
        var members = await scope.MembersAsync(tenantId, target, section, ct);
        return _members = members.ToDictionary(m => m.Id, m => new StoredItem(m.Id, m.Contact.ContentHash(), m.Contact), StringComparer.Ordinal);
    }
}
