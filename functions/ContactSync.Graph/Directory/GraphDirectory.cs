using ContactSync.Engine.Items;
using ContactSync.Graph.Client;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace ContactSync.Graph.Directory;

/// <summary>Directory reads for the business-contacts source (M6): an Entra group's members with their contact fields,
/// paged, and users by id. Directory calls are not Outlook calls, so the mailbox limiter leaves them alone.</summary>
public sealed class GraphDirectory(GraphTenantClient client)
{
    /// <summary>The user properties a business contact is made of.</summary>
    public static readonly string[] Select =
        ["id", "mail", "userPrincipalName", "displayName", "givenName", "surname", "jobTitle", "companyName", "department",
         "businessPhones", "mobilePhone"];

    public async Task<IReadOnlyList<DirectoryUser>> GroupMembersAsync(string groupId, int pageSize = 100, CancellationToken ct = default)
    {
        var first = await client.Graph.Groups[groupId].Members.GetAsync(r =>
        {
            r.QueryParameters.Select = Select;
            r.QueryParameters.Top = pageSize;
        }, ct);
        var users = new List<DirectoryUser>();
        if (first is null) return users;
        var pages = PageIterator<DirectoryObject, DirectoryObjectCollectionResponse>.CreatePageIterator(client.Graph, first, member =>
        {
            if (member is User user) users.Add(Of(user));
            return true;
        });
        await pages.IterateAsync(ct);
        return users;
    }

    /// <summary>The users with these ids (object ids or UPNs); unknown ones are left out.</summary>
    public async Task<IReadOnlyList<DirectoryUser>> UsersAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        using var gate = new SemaphoreSlim(4);
        var found = await Task.WhenAll(ids.Distinct(StringComparer.OrdinalIgnoreCase).Select(async id =>
        {
            await gate.WaitAsync(ct);
            try { return await client.Graph.Users[id].GetAsync(r => r.QueryParameters.Select = Select, ct); }
            catch (Microsoft.Graph.Models.ODataErrors.ODataError e) when (e.ResponseStatusCode == 404) { return null; }
            finally { gate.Release(); }
        }));
        return [.. found.OfType<User>().Select(Of)];
    }

    public static DirectoryUser Of(User u)
    {
        var contact = FieldMap.From(
        [
            new(ContactFields.GivenName, u.GivenName), new(ContactFields.Surname, u.Surname),
            new(ContactFields.DisplayName, u.DisplayName), new(ContactFields.CompanyName, u.CompanyName),
            new(ContactFields.Department, u.Department), new(ContactFields.JobTitle, u.JobTitle),
        ]);
        contact = contact
            .WithList(ContactFields.Emails, u.Mail is { Length: > 0 } mail ? [mail] : [])
            .WithList(ContactFields.BusinessPhones, u.BusinessPhones ?? [])
            .With(ContactFields.MobilePhones, u.MobilePhone);
        return new DirectoryUser(u.Id!, u.Mail, contact);
    }
}
