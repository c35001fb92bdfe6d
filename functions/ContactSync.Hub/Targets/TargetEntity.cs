using ContactSync.Storage;

namespace ContactSync.Hub.Targets;

/// <summary>A target's row; group ids joined by ',' (ids never hold one).</summary>
internal static class TargetEntity
{
    public static TableEntity From(string tenantId, Target t) => new(tenantId, t.Id)
    {
        ["kind"] = t.Kind.ToString(),
        ["ownerEmail"] = t.OwnerEmail,
        ["mailboxUser"] = t.MailboxUser,
        [TargetStore.PolicyIdProperty] = t.PolicyId,
        ["groupIds"] = string.Join(',', t.GroupIds),
        ["contactFolder"] = t.ContactFolder,
        ["policyAssignedAt"] = t.PolicyAssignedAt,
    };

    public static Target ToTarget(TableEntity e) => new(
        e.RowKey,
        Enum.TryParse<TargetKind>(e.GetString("kind"), out var kind) ? kind : TargetKind.Mailbox,
        e.GetString("ownerEmail"), e.GetString("mailboxUser"), e.GetString(TargetStore.PolicyIdProperty) ?? "",
        (e.GetString("groupIds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        e.GetString("contactFolder"))
    {
        PolicyAssignedAt = e.GetDateTime("policyAssignedAt"),
    };
}
