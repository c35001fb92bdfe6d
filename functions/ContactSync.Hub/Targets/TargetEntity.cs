using ContactSync.Storage;

namespace ContactSync.Hub.Targets;

/// <summary>A target's row; group ids joined by ',' (ids never hold one); a device's endpoint in <c>device*</c> columns.</summary>
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
        ["deviceProtocol"] = t.Device?.Protocol.ToString(),
        ["deviceUrl"] = t.Device?.Url,
        ["deviceCredentialReference"] = t.Device?.CredentialReference,
        ["deviceUserName"] = t.Device?.UserName,
        ["deviceName"] = t.Device?.Name,
    };

    public static Target ToTarget(TableEntity e) => new(
        e.RowKey,
        Enum.TryParse<TargetKind>(e.GetString("kind"), out var kind) ? kind : TargetKind.Mailbox,
        e.GetString("ownerEmail"), e.GetString("mailboxUser"), e.GetString(TargetStore.PolicyIdProperty) ?? "",
        (e.GetString("groupIds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        e.GetString("contactFolder"))
    {
        PolicyAssignedAt = e.GetDateTime("policyAssignedAt"),
        Device = e.GetString("deviceUrl") is { } url && Enum.TryParse<DeviceProtocol>(e.GetString("deviceProtocol"), out var protocol)
            ? new DeviceEndpoint(protocol, url, e.GetString("deviceCredentialReference"), e.GetString("deviceUserName"), e.GetString("deviceName"))
            : null,
    };
}
