using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactSync.Engine.Ports;

namespace ContactSync.Devices.Api;

/// <summary>
/// The device-contacts JSON API (docs/device-api.md) as an <see cref="IItemStore"/>. Requests carry at most the device's
/// <c>maxBatch</c> ids or writes (<see cref="DeviceApiTarget.Batch"/>); each write is answered on its own, so one refusal
/// spoils none of the others.
/// </summary>
public sealed class DeviceApiStore(HttpClient http, DeviceApiTarget target) : IItemStore
{
    public bool IsReadOnly => target.ReadOnly;

    public Task<DeviceCapabilities> GetCapabilitiesAsync(CancellationToken ct = default) =>
        SendAsync<DeviceCapabilities>(HttpMethod.Get, "capabilities", null, ct);

    public async Task<ChangeSet> ListChangesAsync(string? syncToken, CancellationToken ct = default)
    {
        var path = syncToken is null ? "contacts" : $"contacts?since={Uri.EscapeDataString(syncToken)}";
        ListResponse list;
        try { list = await SendAsync<ListResponse>(HttpMethod.Get, path, null, ct).ConfigureAwait(false); }
        catch (DeviceApiException e) when (e.Status == HttpStatusCode.Gone && syncToken is not null)
        {
            // An expired token may be answered with 410 instead of a full listing: list everything.
            return await ListChangesAsync(null, ct).ConfigureAwait(false);
        }
        return new ChangeSet([.. list.Items.Select(i => new ItemVersion(i.Id, i.Version))], list.Deleted, list.Full || syncToken is null, list.NextToken);
    }

    public async Task<IReadOnlyList<StoredItem>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        var items = new List<StoredItem>(ids.Count);
        foreach (var chunk in ids.Chunk(target.Batch))
            items.AddRange(ToItems(await SendAsync<ContactsResponse>(HttpMethod.Post, "contacts/get", new IdsRequest(chunk), ct).ConfigureAwait(false)));
        return items;
    }

    public async Task<IReadOnlyList<StoredItem>> FindByMarkersAsync(IReadOnlyCollection<string> markers, CancellationToken ct = default)
    {
        if (markers.Count == 0) return [];
        var items = new List<StoredItem>();
        foreach (var chunk in markers.Chunk(target.Batch))
            items.AddRange(ToItems(await SendAsync<ContactsResponse>(HttpMethod.Post, "contacts/find", new MarkersRequest(chunk), ct).ConfigureAwait(false)));
        return items;
    }

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<WriteOp> ops, CancellationToken ct = default)
    {
        if (IsReadOnly) return [.. ops.Select(op => WriteResult.Failure(op, new ReadOnlyStoreException(target.ToString())))];
        var results = new List<WriteResult>(ops.Count);
        foreach (var chunk in ops.Chunk(target.Batch))
        {
            var request = new ApplyRequest([.. chunk.Select(ToOperation)]);
            var response = await SendAsync<ApplyResponse>(HttpMethod.Post, "contacts/apply", request, ct).ConfigureAwait(false);
            if (response.Results.Count != chunk.Length)
                throw new DeviceApiException(HttpStatusCode.BadGateway, $"apply answered {response.Results.Count} results for {chunk.Length} operations");
            results.AddRange(chunk.Zip(response.Results, ToResult));
        }
        return results;
    }

    static ApplyOperation ToOperation(WriteOp op) => op switch
    {
        CreateOp c => new("upsert", Marker: c.Marker, Fields: DeviceContactJson.ToJson(c.Item)),
        UpdateOp u => new("upsert", u.Id, u.IfVersion, Fields: DeviceContactJson.ToJson(u.Item)),
        DeleteOp d => new("delete", d.Id, d.IfVersion),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown write"),
    };

    WriteResult ToResult(WriteOp op, ApplyResult r)
    {
        var id = r.Id ?? op switch { UpdateOp u => u.Id, DeleteOp d => d.Id, _ => null };
        var expected = op switch { UpdateOp u => u.IfVersion, DeleteOp d => d.IfVersion, _ => "" };
        return r.Status switch
        {
            200 or 201 or 204 => WriteResult.Success(op, id!, r.Version ?? ""),
            404 => WriteResult.Failure(op, new ItemNotFoundException(id ?? "", r.Error)),
            409 or 412 => WriteResult.Failure(op, new VersionMismatchException(id ?? "", expected, r.Version, r.Error)),
            403 => WriteResult.Failure(op, new ReadOnlyStoreException(target.ToString())),
            400 => WriteResult.Failure(op, new ItemRejectedException(id, r.Error ?? "rejected")),
            _ => WriteResult.Failure(op, new ItemStoreException($"Device answered {r.Status}", id, r.Error)),
        };
    }

    static IEnumerable<StoredItem> ToItems(ContactsResponse r) =>
        r.Contacts.Select(c => new StoredItem(c.Id, c.Version, DeviceContactJson.FromJson(c.Fields), c.Marker, c.Modified));

    async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, target.Url(path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Token);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: DeviceApiWire.Json);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new DeviceApiException(response.StatusCode, await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
        return await response.Content.ReadFromJsonAsync<T>(DeviceApiWire.Json, ct).ConfigureAwait(false)
            ?? throw new DeviceApiException(response.StatusCode, "empty body");
    }
}
