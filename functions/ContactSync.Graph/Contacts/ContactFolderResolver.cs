using ContactSync.Graph.Client;
using Microsoft.Graph.Models;

namespace ContactSync.Graph.Contacts;

/// <summary>Finds the managed contact folder by display name, or creates it; once per store, and only when a request
/// needs the folder id (a sync with a delta token does not).</summary>
sealed class ContactFolderResolver(GraphTenantClient client, GraphContactsTarget target)
{
    readonly SemaphoreSlim once = new(1, 1);
    string? folderId;
    bool resolved;

    /// <summary>The folder id, or null for the default Contacts folder.</summary>
    public async Task<string?> FolderIdAsync(CancellationToken ct)
    {
        if (target.FolderName is null) return null;
        if (resolved) return folderId;
        await once.WaitAsync(ct);
        try
        {
            if (!resolved)
            {
                folderId = await FindAsync(ct) ?? await CreateAsync(ct);
                resolved = true;
            }
            return folderId;
        }
        finally { once.Release(); }
    }

    async Task<string?> FindAsync(CancellationToken ct)
    {
        var name = target.FolderName!.Replace("'", "''", StringComparison.Ordinal);
        var page = await client.Graph.Users[target.Mailbox].ContactFolders.GetAsync(
            r => r.QueryParameters.Filter = $"displayName eq '{name}'", ct);
        return page?.Value?.FirstOrDefault(f => f.DisplayName == target.FolderName)?.Id;
    }

    async Task<string> CreateAsync(CancellationToken ct)
    {
        var created = await client.Graph.Users[target.Mailbox].ContactFolders.PostAsync(
            new ContactFolder { DisplayName = target.FolderName }, cancellationToken: ct);
        return created?.Id ?? throw new InvalidOperationException($"Graph created folder '{target.FolderName}' without an id.");
    }
}
