using System.Text.Json;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Targets;

/// <summary>The target's JSON in the API: <c>{ kind: "mailbox"|"device", ownerEmail, mailboxUser, policyId, groupIds: [],
/// contactFolder, device: { protocol: "api"|"cardDav", url, credentialReference, userName, name } }</c>; <c>kind</c>
/// defaults to mailbox. A secret in <c>device</c> is refused with a pointer to <c>credentialReference</c>.
/// <c>policyAssignedAt</c> is written, and ignored when read.</summary>
public static class TargetJson
{
    private static readonly string[] SecretNames = ["token", "password", "secret", "apiKey", "bearerToken"];

    public static Outcome<Target> Parse(string targetId, string json) => JsonBody.Parse(json, r =>
    {
        JsonBody.CheckId(r, targetId);
        r.String("policyAssignedAt");
        return new Target(targetId, r.Enum<TargetKind>("kind", TargetKind.Mailbox), r.String("ownerEmail"), r.String("mailboxUser"),
            r.String("policyId") ?? "", r.Strings("groupIds"), r.String("contactFolder"))
        {
            Device = r.Object("device") is { } d ? ReadDevice(d) : null,
        };
    });

    private static DeviceEndpoint ReadDevice(JsonSectionReader d)
    {
        foreach (var name in SecretNames)
            if (d.Has(name))
                d.Errors.Add(d.Field(name), $"{d.Field(name)}: secrets are never stored; put the secret in Key Vault (or an app setting) and give its URI or name in device.credentialReference.");
        var device = new DeviceEndpoint(d.Enum<DeviceProtocol>("protocol", null), d.String("url") ?? "", d.String("credentialReference"),
            d.String("userName"), d.String("name"));
        d.RejectUnknown();
        return device;
    }

    public static string Write(Target t) => JsonSerializer.Serialize(new
    {
        id = t.Id, kind = JsonNames.Of(t.Kind), ownerEmail = t.OwnerEmail, mailboxUser = t.MailboxUser, policyId = t.PolicyId,
        groupIds = t.GroupIds, contactFolder = t.ContactFolder,
        device = t.Device is { } d
            ? new { protocol = JsonNames.Of(d.Protocol), url = d.Url, credentialReference = d.CredentialReference, userName = d.UserName, name = d.Name }
            : null,
        policyAssignedAt = t.PolicyAssignedAt,
    });
}
