using ContactSync.Engine.Normalisation;
using ContactSync.Hub.Directory;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Validation;
using ContactSync.Storage;

namespace ContactSync.Hub.Targets;

/// <summary>Targets in the <c>targets</c> table (PartitionKey tenant id, RowKey target id). Saving checks the owner's
/// e-mail (M18), that the policy and the groups exist, and what the target's kind needs (<see cref="TargetKindRules"/>).</summary>
public sealed class TargetStore(ITableStore tables, PolicyStore policies, GroupStore groups, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public const string OwnerEmailRequired = "ownerEmail is required: a target without an e-mail address cannot be synced.";
    internal const string PolicyIdProperty = "policyId";

    public async Task<Outcome<Target>> SaveAsync(string tenantId, Target target, CancellationToken ct = default)
    {
        target = target with
        {
            OwnerEmail = string.IsNullOrWhiteSpace(target.OwnerEmail) ? null : EmailAddresses.Normalise(target.OwnerEmail),
            MailboxUser = string.IsNullOrWhiteSpace(target.MailboxUser) ? null : target.MailboxUser.Trim(),
            ContactFolder = string.IsNullOrWhiteSpace(target.ContactFolder) ? null : target.ContactFolder.Trim(),
            GroupIds = [.. (target.GroupIds ?? []).Distinct(StringComparer.Ordinal)],
            Device = TargetKindRules.Normalise(target.Device),
        };
        var errors = new ValidationErrors();
        Ids.Check(errors, "id", target.Id);
        if (!Enum.IsDefined(target.Kind)) errors.Add("kind", $"'{target.Kind}' is not a target kind: use mailbox or device.");
        else TargetKindRules.Check(errors, target);
        if (target.OwnerEmail is null) errors.Add("ownerEmail", OwnerEmailRequired);
        else if (!EmailAddresses.LooksValid(target.OwnerEmail)) errors.Add("ownerEmail", $"'{target.OwnerEmail}' is not a valid e-mail address.");
        if (target.MailboxUser is { Length: > 256 }) errors.Add("mailboxUser", "mailboxUser is longer than 256 characters.");
        if (target.ContactFolder is { Length: > 255 }) errors.Add("contactFolder", "contactFolder is longer than 255 characters.");
        Ids.Check(errors, "policyId", target.PolicyId);
        if (!errors.Has("policyId") && !await policies.ExistsAsync(tenantId, target.PolicyId, ct))
            errors.Add("policyId", $"policy '{target.PolicyId}' does not exist.");
        for (var i = 0; i < target.GroupIds.Count; i++)
        {
            var field = $"groupIds[{i}]";
            Ids.Check(errors, field, target.GroupIds[i]);
            if (!errors.Has(field) && !await groups.ExistsAsync(tenantId, target.GroupIds[i], ct))
                errors.Add(field, $"group '{target.GroupIds[i]}' does not exist.");
        }
        if (!errors.IsValid) return Outcome<Target>.Invalid(errors);
        var old = await GetAsync(tenantId, target.Id, ct);
        target = target with
        {
            PolicyAssignedAt = old is not null && old.PolicyId == target.PolicyId ? old.PolicyAssignedAt : _time.GetUtcNow(),
        };
        await tables.UpsertAsync(HubTables.Targets, TargetEntity.From(tenantId, target), ct: ct);
        return Outcome<Target>.Ok(target);
    }

    public async Task<Target?> GetAsync(string tenantId, string targetId, CancellationToken ct = default) =>
        Ids.IsValid(targetId) && await tables.GetAsync(HubTables.Targets, tenantId, targetId, ct) is { } e ? TargetEntity.ToTarget(e) : null;

    public async Task<IReadOnlyList<Target>> ListAsync(string tenantId, CancellationToken ct = default)
    {
        var list = new List<Target>();
        await foreach (var e in tables.QueryAsync(HubTables.Targets, new TableQuery(TableFilter.Partition(tenantId)), ct))
            list.Add(TargetEntity.ToTarget(e));
        return list;
    }

    public async Task<Outcome<bool>> DeleteAsync(string tenantId, string targetId, CancellationToken ct = default)
    {
        if (await GetAsync(tenantId, targetId, ct) is null) return Outcome<bool>.NotFound($"Target '{targetId}' does not exist.");
        await tables.DeleteAsync(HubTables.Targets, tenantId, targetId, ct: ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The ids of the tenant's targets that use <paramref name="policyId"/>.</summary>
    public static async Task<IReadOnlyList<string>> IdsUsingPolicyAsync(ITableStore tables, string tenantId, string policyId,
        CancellationToken ct = default)
    {
        var filter = TableFilter.And(TableFilter.Partition(tenantId), TableFilter.Eq(PolicyIdProperty, policyId));
        var ids = new List<string>();
        await foreach (var e in tables.QueryAsync(HubTables.Targets, new TableQuery(filter, ["RowKey"]), ct)) ids.Add(e.RowKey);
        return ids;
    }
}
