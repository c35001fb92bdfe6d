using ContactSync.Hub.Directory;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Validation;
using ContactSync.Storage;

namespace ContactSync.Hub.Policies;

/// <summary>Policies in the <c>policies</c> table (PartitionKey tenant id, RowKey policy id), one JSON property per
/// section plus the time that section last changed: re-saving the same settings does not re-trigger an <c>off</c>
/// section or restart a daily schedule.</summary>
public sealed class PolicyStore(ITableStore tables, GroupStore groups, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<Outcome<Policy>> SaveAsync(string tenantId, Policy policy, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        Ids.Check(errors, "id", policy.Id);
        if (policy.BusinessContacts is { } b)
            for (var i = 0; i < b.AdditionalGroups.Count; i++)
                if (Ids.IsValid(b.AdditionalGroups[i]) && !await groups.ExistsAsync(tenantId, b.AdditionalGroups[i], ct))
                    errors.Add($"businessContacts.additionalGroups[{i}]", $"group '{b.AdditionalGroups[i]}' does not exist.");
        if (!errors.IsValid) return Outcome<Policy>.Invalid(errors);

        var now = _time.GetUtcNow();
        var old = await tables.GetAsync(HubTables.Policies, tenantId, policy.Id, ct);
        var saved = PolicyEntity.Stamp(policy, old, now);
        try
        {
            if (old is null) await tables.InsertAsync(HubTables.Policies, PolicyEntity.From(tenantId, saved), ct);
            else await tables.UpdateAsync(HubTables.Policies, PolicyEntity.From(tenantId, saved), old.ETag!, ct: ct);
        }
        catch (StorageException e) when (e.Kind is StorageErrorKind.Conflict or StorageErrorKind.PreconditionFailed)
        {
            return Outcome<Policy>.Conflict($"Policy '{policy.Id}' was changed by another request at the same time; try again.");
        }
        return Outcome<Policy>.Ok(saved);
    }

    public async Task<Policy?> GetAsync(string tenantId, string policyId, CancellationToken ct = default) =>
        Ids.IsValid(policyId) && await tables.GetAsync(HubTables.Policies, tenantId, policyId, ct) is { } e ? PolicyEntity.ToPolicy(e) : null;

    public async Task<bool> ExistsAsync(string tenantId, string policyId, CancellationToken ct = default) =>
        Ids.IsValid(policyId) && await tables.GetAsync(HubTables.Policies, tenantId, policyId, ct) is not null;

    public async Task<IReadOnlyList<Policy>> ListAsync(string tenantId, CancellationToken ct = default)
    {
        var list = new List<Policy>();
        await foreach (var e in tables.QueryAsync(HubTables.Policies, new TableQuery(TableFilter.Partition(tenantId)), ct))
            list.Add(PolicyEntity.ToPolicy(e));
        return list;
    }

    /// <summary>Deletes a policy no target uses; one in use is a Conflict naming a target that uses it.</summary>
    public async Task<Outcome<bool>> DeleteAsync(string tenantId, string policyId, CancellationToken ct = default)
    {
        if (!await ExistsAsync(tenantId, policyId, ct)) return Outcome<bool>.NotFound($"Policy '{policyId}' does not exist.");
        var users = await TargetStore.IdsUsingPolicyAsync(tables, tenantId, policyId, ct);
        if (users.Count > 0)
            return Outcome<bool>.Conflict($"Policy '{policyId}' is used by {users.Count} target(s), e.g. '{users[0]}': give them another policy first.");
        await tables.DeleteAsync(HubTables.Policies, tenantId, policyId, ct: ct);
        return Outcome<bool>.Ok(true);
    }
}
