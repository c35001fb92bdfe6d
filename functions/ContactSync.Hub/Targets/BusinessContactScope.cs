using ContactSync.Hub.Directory;
using ContactSync.Hub.Policies;

namespace ContactSync.Hub.Targets;

/// <summary>Which groups' members a target gets as business contacts (M7): the base type's groups — none, the
/// owner's own groups (those listing the owner's e-mail among their members, plus the target's <c>groupIds</c>), or
/// all the tenant's groups — and the section's additional groups. Ids sorted, no duplicates.</summary>
public sealed class BusinessContactScope(GroupStore groups)
{
    public async Task<IReadOnlyList<string>> GroupIdsAsync(string tenantId, Target target, BusinessContactsSection section,
        CancellationToken ct = default)
    {
        var ids = new SortedSet<string>(section.AdditionalGroups, StringComparer.Ordinal);
        switch (section.BaseType)
        {
            case BaseType.OwnGroups:
                ids.UnionWith(target.GroupIds);
                if (target.OwnerEmail is { } email) ids.UnionWith(await groups.GroupsWithMemberAsync(tenantId, email, ct));
                break;
            case BaseType.AllGroups:
                ids.UnionWith((await groups.ListAsync(tenantId, ct)).Select(g => g.Id));
                break;
        }
        return [.. ids];
    }

    /// <summary>The members the target gets: those of <see cref="GroupIdsAsync"/>, one per member id (a person in two
    /// groups comes once), in group order.</summary>
    public async Task<IReadOnlyList<Member>> MembersAsync(string tenantId, Target target, BusinessContactsSection section,
        CancellationToken ct = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<Member>();
        foreach (var groupId in await GroupIdsAsync(tenantId, target, section, ct))
            if ((await groups.MembersAsync(tenantId, groupId, ct)) is { IsOk: true, Value: { } list })
                members.AddRange(list.Where(m => seen.Add(m.Id)));
        return members;
    }
}
