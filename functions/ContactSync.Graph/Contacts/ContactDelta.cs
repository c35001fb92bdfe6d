using ContactSync.Engine.Ports;
using Microsoft.Graph.Users.Item.ContactFolders.Item.Contacts.Delta;
using Microsoft.Kiota.Abstractions;
using ContactSync.Graph.Client;

namespace ContactSync.Graph.Contacts;

/// <summary>
/// Delta per contact folder (FACTS.md §5.1): the first round lists every item, later rounds only what changed, with
/// deletions as <c>@removed</c>. Pages are followed through <c>@odata.nextLink</c>; the round's <c>@odata.deltaLink</c>
/// is the opaque sync token. An expired or unknown token (410 Gone, SyncStateNotFound) starts a full round again.
/// </summary>
sealed class ContactDelta(GraphTenantClient client, GraphContactsTarget target, ContactFolderResolver folder)
{
    public async Task<ChangeSet> ListAsync(string? token, CancellationToken ct)
    {
        if (token is not null)
        {
            try { return await RoundAsync(token, ct); }
            catch (ApiException e) when (IsExpired(e)) { }
        }
        return await RoundAsync(null, ct);
    }

    async Task<ChangeSet> RoundAsync(string? deltaLink, CancellationToken ct)
    {
        var changed = new Dictionary<string, ItemVersion>(StringComparer.Ordinal);
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        var page = deltaLink is null ? await FirstPageAsync(ct) : await PageAsync(deltaLink, ct);
        while (true)
        {
            foreach (var c in page?.Value ?? [])
            {
                if (c.Id is null) continue;
                if (c.AdditionalData.ContainsKey("@removed")) { deleted.Add(c.Id); changed.Remove(c.Id); }
                else { changed[c.Id] = new ItemVersion(c.Id, ContactReader.Version(c)); deleted.Remove(c.Id); }
            }
            if (page?.OdataNextLink is { } next) page = await PageAsync(next, ct);
            else return new ChangeSet([.. changed.Values], [.. deleted], deltaLink is null,
                page?.OdataDeltaLink ?? throw new InvalidOperationException("A delta round ended without @odata.deltaLink."));
        }
    }

    /// <summary>The first round asks only for change keys: the engine lists versions first and fetches content later.</summary>
    async Task<DeltaGetResponse?> FirstPageAsync(CancellationToken ct)
    {
        var folderPath = ContactRequests.FolderPath(await folder.FolderIdAsync(ct));
        var root = $"{client.Settings.VersionedBaseUrl}/users/{Uri.EscapeDataString(target.Mailbox)}";
        return await PageAsync($"{root}/{folderPath}contacts/delta?$select=changeKey", ct);
    }

    Task<DeltaGetResponse?> PageAsync(string link, CancellationToken ct) =>
        new DeltaRequestBuilder(link, client.Graph.RequestAdapter).GetAsDeltaGetResponseAsync(
            r => r.Headers.Add("Prefer", $"odata.maxpagesize={target.PageSize}"), ct);

    static bool IsExpired(ApiException e) =>
        e.ResponseStatusCode == 410 || (e is Microsoft.Graph.Models.ODataErrors.ODataError o &&
            o.Error?.Code is { } code && (code.Equals("SyncStateNotFound", StringComparison.OrdinalIgnoreCase)
                || code.Equals("resyncRequired", StringComparison.OrdinalIgnoreCase)));
}
