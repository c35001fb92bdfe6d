using ContactSync.Engine.Normalisation;
using ContactSync.Hub.Validation;
using ContactSync.Storage;

namespace ContactSync.Hub.Directory;

/// <summary>Directory groups (<c>groups</c>: PartitionKey tenant id, RowKey group id) and their members
/// (<c>members</c>, one partition per group, so a group's members are written in entity-group batches).</summary>
public sealed class GroupStore(ITableStore tables)
{
    public async Task<Outcome<Group>> SaveAsync(string tenantId, Group group, CancellationToken ct = default)
    {
        var errors = Validate(group);
        if (!errors.IsValid) return Outcome<Group>.Invalid(errors);
        group = group with { DisplayName = group.DisplayName.Trim(), CsvFormat = (await GetAsync(tenantId, group.Id, ct))?.CsvFormat };
        var e = new TableEntity(tenantId, group.Id)
        {
            ["displayName"] = group.DisplayName, ["source"] = group.Source.ToString(), ["entraGroupId"] = group.EntraGroupId,
            ["csvFormat"] = group.CsvFormat,
        };
        await tables.UpsertAsync(HubTables.Groups, e, ct: ct);
        return Outcome<Group>.Ok(group);
    }

    /// <summary>Remembers the layout of the group's last CSV import.</summary>
    public Task RecordCsvFormatAsync(string tenantId, string groupId, string format, CancellationToken ct = default) =>
        tables.UpdateAsync(HubTables.Groups, new TableEntity(tenantId, groupId) { ["csvFormat"] = format }, "*", WriteMode.Merge, ct);

    public async Task<Group?> GetAsync(string tenantId, string groupId, CancellationToken ct = default) =>
        Ids.IsValid(groupId) && await tables.GetAsync(HubTables.Groups, tenantId, groupId, ct) is { } e ? ToGroup(e) : null;

    public async Task<bool> ExistsAsync(string tenantId, string groupId, CancellationToken ct = default) =>
        await GetAsync(tenantId, groupId, ct) is not null;

    public async Task<IReadOnlyList<Group>> ListAsync(string tenantId, CancellationToken ct = default)
    {
        var list = new List<Group>();
        await foreach (var e in tables.QueryAsync(HubTables.Groups, new TableQuery(TableFilter.Partition(tenantId)), ct))
            list.Add(ToGroup(e));
        return list;
    }

    /// <summary>The group's members, or NotFound when the group does not exist.</summary>
    public async Task<Outcome<IReadOnlyList<Member>>> MembersAsync(string tenantId, string groupId, CancellationToken ct = default)
    {
        if (!await ExistsAsync(tenantId, groupId, ct)) return Outcome<IReadOnlyList<Member>>.NotFound($"Group '{groupId}' does not exist.");
        var list = new List<Member>();
        var query = new TableQuery(TableFilter.Partition(MemberEntity.Partition(tenantId, groupId)));
        await foreach (var e in tables.QueryAsync(HubTables.Members, query, ct)) list.Add(MemberEntity.ToMember(e));
        return Outcome<IReadOnlyList<Member>>.Ok(list);
    }

    /// <summary>The ids of the tenant's groups that have a member whose first e-mail address is <paramref name="email"/>
    /// (compared ignoring case): the groups a target's owner belongs to.</summary>
    public async Task<IReadOnlyList<string>> GroupsWithMemberAsync(string tenantId, string email, CancellationToken ct = default)
    {
        var key = EmailAddresses.ComparisonKey(email);
        if (key.Length == 0) return [];
        var filter = TableFilter.And(TableFilter.StartsWith("PartitionKey", tenantId + "|"), TableFilter.Eq(MemberEntity.EmailProperty, key));
        var groups = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var e in tables.QueryAsync(HubTables.Members, new TableQuery(filter, ["PartitionKey"]), ct))
            groups.Add(MemberEntity.GroupOf(e.PartitionKey));
        return [.. groups];
    }

    /// <summary>Adds and updates <paramref name="members"/> (a later duplicate id wins); with
    /// <paramref name="replaceAll"/> also removes the members not among them. Written in batches of at most 100 rows of
    /// the group's partition, each all or nothing.</summary>
    public async Task<Outcome<MemberWriteResult>> WriteMembersAsync(string tenantId, string groupId, IReadOnlyList<Member> members,
        bool replaceAll = false, CancellationToken ct = default)
    {
        if (!await ExistsAsync(tenantId, groupId, ct)) return Outcome<MemberWriteResult>.NotFound($"Group '{groupId}' does not exist.");
        var partition = MemberEntity.Partition(tenantId, groupId);
        var existing = new Dictionary<string, string?>(StringComparer.Ordinal);
        var query = new TableQuery(TableFilter.Partition(partition), [MemberEntity.HashProperty]);
        await foreach (var e in tables.QueryAsync(HubTables.Members, query, ct)) existing[e.RowKey] = e.GetString(MemberEntity.HashProperty);
        var plan = MemberBatches.Plan(tenantId, groupId, members, existing, replaceAll);
        var failed = new Dictionary<string, string>(plan.Refused, StringComparer.Ordinal);
        foreach (var batch in plan.Batches)
        {
            try { await tables.SubmitTransactionAsync(HubTables.Members, batch, ct); }
            catch (StorageException e)
            {
                foreach (var op in batch) failed[op.Entity.RowKey] = e.Message;
            }
        }
        List<string> Ok(IEnumerable<string> ids) => [.. ids.Where(id => !failed.ContainsKey(id))];
        return Outcome<MemberWriteResult>.Ok(new(Ok(plan.Imported), Ok(plan.Updated), plan.Unchanged, Ok(plan.Removed), failed));
    }

    private static ValidationErrors Validate(Group g)
    {
        var e = new ValidationErrors();
        Ids.Check(e, "id", g.Id);
        if (string.IsNullOrWhiteSpace(g.DisplayName)) e.Add("displayName", "displayName is required.");
        else if (g.DisplayName.Length > 256) e.Add("displayName", "displayName is longer than 256 characters.");
        if (!Enum.IsDefined(g.Source)) e.Add("source", $"'{g.Source}' is not a group source.");
        if (g.Source == GroupSource.Entra && !Guid.TryParse(g.EntraGroupId, out _))
            e.Add("entraGroupId", g.EntraGroupId is null ? "entraGroupId is required for an Entra group." : $"'{g.EntraGroupId}' is not a GUID (an Entra group's object id).");
        if (g.Source != GroupSource.Entra && g.EntraGroupId is not null)
            e.Add("entraGroupId", "entraGroupId applies only to a group whose source is entra.");
        return e;
    }

    private static Group ToGroup(TableEntity e) => new(e.RowKey, e.GetString("displayName") ?? e.RowKey,
        Enum.TryParse<GroupSource>(e.GetString("source"), out var s) ? s : GroupSource.Manual, e.GetString("entraGroupId"))
    {
        CsvFormat = e.GetString("csvFormat"),
    };
}
