using System.Text;
using ContactSync.Storage;

namespace ContactSync.Hub.Policies;

/// <summary>A policy's row: each section's JSON and when it last changed, and when the policy was last saved.</summary>
internal static class PolicyEntity
{
    private static string Changed(string section) => section + "ChangedAt";

    /// <summary>The policy with <see cref="Policy.UpdatedAt"/> = now and each section's ChangedAt kept when its settings
    /// are the same as stored, else now.</summary>
    public static Policy Stamp(Policy policy, TableEntity? old, DateTimeOffset now)
    {
        DateTimeOffset ChangedAt(string name, IPolicySection section) =>
            old?.GetString(name) == PolicyWriter.SectionJson(section) && old.GetDateTime(Changed(name)) is { } at ? at : now;
        return policy with
        {
            UpdatedAt = now,
            BusinessContacts = policy.BusinessContacts is { } b ? b with { ChangedAt = ChangedAt(PolicySections.BusinessContacts, b) } : null,
            Contacts = policy.Contacts is { } c ? c with { ChangedAt = ChangedAt(PolicySections.Contacts, c) } : null,
        };
    }

    public static TableEntity From(string tenantId, Policy p)
    {
        var e = new TableEntity(tenantId, p.Id) { ["updatedAt"] = p.UpdatedAt };
        foreach (var (name, section) in p.Sections())
        {
            e[name] = PolicyWriter.SectionJson(section);
            e[Changed(name)] = section.ChangedAt;
        }
        if (p.Backup is { } backup) e[Backups.BackupSection.Name] = backup.Json();
        return e;
    }

    public static Policy ToPolicy(TableEntity e)
    {
        var json = new StringBuilder("{");
        foreach (var name in PolicySections.All)
            if (e.GetString(name) is { } section) json.Append(json.Length > 1 ? "," : "").Append('"').Append(name).Append("\":").Append(section);
        if (e.GetString(Backups.BackupSection.Name) is { } backup) json.Append(json.Length > 1 ? "," : "").Append("\"backup\":").Append(backup);
        var parsed = PolicyJson.Parse(e.RowKey, json.Append('}').ToString());
        if (!parsed.IsOk) throw new InvalidDataException($"Stored policy '{e.PartitionKey}/{e.RowKey}' no longer parses: {parsed.Errors}");
        var p = parsed.Value!;
        return p with
        {
            UpdatedAt = e.GetDateTime("updatedAt"),
            BusinessContacts = p.BusinessContacts is { } b ? b with { ChangedAt = e.GetDateTime(Changed(PolicySections.BusinessContacts)) } : null,
            Contacts = p.Contacts is { } c ? c with { ChangedAt = e.GetDateTime(Changed(PolicySections.Contacts)) } : null,
        };
    }
}
