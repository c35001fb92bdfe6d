using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Directory;

/// <summary>Refreshes an Entra-sourced group: its members become exactly the Entra group's members (added, updated,
/// removed). A directory user with neither name nor valid e-mail is skipped and reported.</summary>
public sealed class GroupSync(GroupStore groups, IDirectorySource source)
{
    public sealed record Result(MemberWriteResult Written, IReadOnlyList<string> Skipped);

    public async Task<Outcome<Result>> SyncAsync(string tenantId, string groupId, string? region, CancellationToken ct = default)
    {
        var group = await groups.GetAsync(tenantId, groupId, ct);
        if (group is null) return Outcome<Result>.NotFound($"Group '{groupId}' does not exist.");
        if (group.Source != GroupSource.Entra || group.EntraGroupId is null)
            return Outcome<Result>.Conflict($"Group '{groupId}' is filled by {group.Source.ToString().ToLowerInvariant()}, not from Entra ID.");
        var members = new List<Member>();
        var skipped = new List<string>();
        foreach (var raw in await source.GroupMembersAsync(group.EntraGroupId, ct))
        {
            var candidate = MemberContact.Prepare(raw, region);
            if (candidate.Member is { } m) members.Add(m);
            else skipped.Add($"{MemberIds.NameOf(raw) ?? "(no name)"}: {candidate.Error}");
        }
        var written = await groups.WriteMembersAsync(tenantId, groupId, members, replaceAll: true, ct);
        return written.IsOk ? Outcome<Result>.Ok(new(written.Value!, skipped)) : written.As<Result>();
    }
}
