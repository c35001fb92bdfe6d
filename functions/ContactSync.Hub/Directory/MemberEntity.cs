using ContactSync.Engine.Normalisation;
using ContactSync.Storage;

namespace ContactSync.Hub.Directory;

/// <summary>A member's row in <c>members</c>: PartitionKey <c>{tenantId}|{groupId}</c>, RowKey the member id, the
/// contact as JSON, its first e-mail's comparison key (to find the groups a person belongs to) and its content hash
/// (to tell an unchanged re-import).</summary>
internal static class MemberEntity
{
    public const string ContactProperty = "contact";
    public const string EmailProperty = "email";
    public const string HashProperty = "hash";
    /// <summary>A string property holds at most 32K UTF-16 characters (64 KiB).</summary>
    public const int MaxContactJson = 32 * 1024;

    public static string Partition(string tenantId, string groupId) => $"{tenantId}|{groupId}";

    public static TableEntity From(string tenantId, string groupId, Member m, string json) =>
        new(Partition(tenantId, groupId), m.Id)
        {
            [ContactProperty] = json,
            [EmailProperty] = m.Email is { } e ? EmailAddresses.ComparisonKey(e) : null,
            [HashProperty] = m.Contact.ContentHash(),
        };

    public static Member ToMember(TableEntity e) => new(e.RowKey, FieldMapJson.Parse(e.GetString(ContactProperty)));

    /// <summary>The group id of a member row's partition key.</summary>
    public static string GroupOf(string partitionKey) => partitionKey[(partitionKey.IndexOf('|') + 1)..];
}
