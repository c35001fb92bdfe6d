using ContactSync.Engine.Ports;
using ContactSync.Graph.Client;
using Microsoft.Kiota.Abstractions;
using GraphContact = Microsoft.Graph.Models.Contact;

namespace ContactSync.Graph.Contacts;

/// <summary>
/// One mailbox's contact folder as the engine's item store: delta for versions, batched GETs for content, batched
/// conditional writes (If-Match) mapped to one typed result per write, and the managed-item marker as an extended
/// property. All requests pass the tenant client's per-mailbox limiter.
/// </summary>
public sealed class GraphContactStore : IItemStore
{
    readonly GraphContactsTarget target;
    readonly ContactFolderResolver folder;
    readonly ContactDelta delta;
    readonly ContactRequests requests;
    readonly MailboxBatcher batcher;

    public GraphContactStore(GraphTenantClient client, GraphContactsTarget target)
    {
        this.target = target;
        folder = new ContactFolderResolver(client, target);
        delta = new ContactDelta(client, target, folder);
        requests = new ContactRequests(client, target.Mailbox);
        batcher = new MailboxBatcher(client, target.Mailbox);
    }

    public bool IsReadOnly => target.ReadOnly;

    public Task<ChangeSet> ListChangesAsync(string? syncToken, CancellationToken ct = default) => delta.ListAsync(syncToken, ct);

    public async Task<IReadOnlyList<StoredItem>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        var list = ids.Distinct(StringComparer.Ordinal).ToList();
        var answers = await batcher.SendAsync([.. list.Select(id => (Func<RequestInformation>)(() => requests.Get(id)))], ct);
        var items = new List<StoredItem>();
        for (var i = 0; i < list.Count; i++)
        {
            if (answers[i].Status == 404) continue;
            if (!answers[i].Ok) throw new ItemStoreException($"Reading contact {list[i]} failed ({answers[i].Status})", list[i], answers[i].ErrorMessage);
            items.Add(Stored(await answers[i].ReadAsync(GraphContact.CreateFromDiscriminatorValue, ct)));
        }
        return items;
    }

    public async Task<IReadOnlyList<StoredItem>> FindByMarkersAsync(IReadOnlyCollection<string> markers, CancellationToken ct = default)
    {
        if (markers.Count == 0) return [];
        var folderPath = ContactRequests.FolderPath(await folder.FolderIdAsync(ct));
        var list = markers.Distinct(StringComparer.Ordinal).ToList();
        var answers = await batcher.SendAsync([.. list.Select(m => (Func<RequestInformation>)(() => requests.FindByMarker(folderPath, m)))], ct);
        var failed = answers.FirstOrDefault(a => !a.Ok);
        if (failed is not null) throw new ItemStoreException($"Looking up contacts by marker failed ({failed.Status})", null, failed.ErrorMessage);
        var found = new List<StoredItem>();
        foreach (var answer in answers)
        {
            var page = await answer.ReadAsync(Microsoft.Graph.Models.ContactCollectionResponse.CreateFromDiscriminatorValue, ct);
            found.AddRange((page.Value ?? []).Select(Stored).Where(s => s.Marker is not null && list.Contains(s.Marker)));
        }
        return found;
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOp> ops, CancellationToken ct = default)
    {
        if (ops.Count == 0) return [];
        if (IsReadOnly) return [.. ops.Select(op => WriteResult.Failure(op, new ReadOnlyStoreException($"{target.Mailbox}/{target.FolderName ?? "contacts"}")))];
        var folderPath = ops.Any(op => op is CreateOp) ? ContactRequests.FolderPath(await folder.FolderIdAsync(ct)) : "";
        var answers = await batcher.SendAsync([.. ops.Select(op => (Func<RequestInformation>)(op switch
        {
            CreateOp c => () => requests.Create(folderPath, c.Item, c.Marker),
            UpdateOp u => () => requests.Update(u.Id, u.IfVersion, u.Item),
            DeleteOp d => () => requests.Delete(d.Id, d.IfVersion),
            _ => throw new ArgumentException($"Unknown write {op.GetType().Name}", nameof(ops)),
        }))], ct);
        return await Task.WhenAll(ops.Select((op, i) => WriteOutcome.OfAsync(op, answers[i], ct)));
    }

    static StoredItem Stored(GraphContact c) =>
        new(c.Id!, ContactReader.Version(c), ContactReader.Read(c), ContactReader.Marker(c), c.LastModifiedDateTime);
}
