using System.Text.Json;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Validation;

namespace ContactSync.Hub.Targets;

/// <summary>The target's JSON in the API: <c>{ kind: "mailbox", ownerEmail, mailboxUser, policyId, groupIds: [],
/// contactFolder }</c>; <c>kind</c> defaults to mailbox. <c>policyAssignedAt</c> is written, and ignored when read.</summary>
public static class TargetJson
{
    public static Outcome<Target> Parse(string targetId, string json) => JsonBody.Parse(json, r =>
    {
        JsonBody.CheckId(r, targetId);
        r.String("policyAssignedAt");
        return new Target(targetId, r.Enum<TargetKind>("kind", TargetKind.Mailbox), r.String("ownerEmail"), r.String("mailboxUser"),
            r.String("policyId") ?? "", r.Strings("groupIds"), r.String("contactFolder"));
    });

    public static string Write(Target t) => JsonSerializer.Serialize(new
    {
        id = t.Id, kind = JsonNames.Of(t.Kind), ownerEmail = t.OwnerEmail, mailboxUser = t.MailboxUser, policyId = t.PolicyId,
        groupIds = t.GroupIds, contactFolder = t.ContactFolder, policyAssignedAt = t.PolicyAssignedAt,
    });
}
