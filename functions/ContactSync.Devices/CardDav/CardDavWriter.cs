using System.Net;
using ContactSync.Devices.VCard;
using ContactSync.Engine.Ports;

namespace ContactSync.Devices.CardDav;

/// <summary>
/// One write as conditional HTTP: create = PUT If-None-Match: *, update = PUT If-Match, delete = DELETE If-Match.
/// An update starts from the card as the server holds it so that the properties we do not map (photos, other apps' X-
/// properties) and its UID are written back unchanged; a changed ETag there is already a mismatch. The batch's cards
/// come in <paramref name="current"/> (one multiget for the batch); a card missing there is fetched with a GET.
/// </summary>
sealed class CardDavWriter(DavClient dav, IReadOnlyDictionary<string, CurrentCard> current)
{
    public async Task<WriteResult> WriteAsync(WriteOp op, CancellationToken ct)
    {
        try
        {
            return op switch
            {
                CreateOp c => await CreateAsync(c, ct).ConfigureAwait(false),
                UpdateOp u => await UpdateAsync(u, ct).ConfigureAwait(false),
                DeleteOp d => await DeleteAsync(d, ct).ConfigureAwait(false),
                _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown write"),
            };
        }
        catch (HttpRequestException e)
        {
            return WriteResult.Failure(op, new ItemStoreException($"CardDAV request failed: {e.Message} {e.InnerException?.Message}", IdOf(op)));
        }
    }

    async Task<WriteResult> CreateAsync(CreateOp op, CancellationToken ct)
    {
        var uid = Guid.NewGuid().ToString();
        var id = $"{uid}.vcf";
        using var response = await dav.PutAsync(id, VCardWriter.Write(op.Item, uid, op.Marker), null, ct).ConfigureAwait(false);
        // A fresh name exists only if our lost first attempt created it.
        if (response.Resent && response.Message.StatusCode == HttpStatusCode.PreconditionFailed)
            return WriteResult.Success(op, id, await FetchETagAsync(id, ct).ConfigureAwait(false));
        return await ResultAsync(op, id, "", response.Message, ct).ConfigureAwait(false);
    }

    async Task<WriteResult> UpdateAsync(UpdateOp op, CancellationToken ct)
    {
        if (!current.TryGetValue(op.Id, out var held))
        {
            using var got = await dav.GetAsync(op.Id, ct).ConfigureAwait(false);
            var text = await got.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (got.StatusCode != HttpStatusCode.NotFound && !got.IsSuccessStatusCode)
                return WriteResult.Failure(op, new ItemStoreException($"GET answered {(int)got.StatusCode}", op.Id, text));
            held = got.IsSuccessStatusCode ? new CurrentCard(got.Headers.ETag?.ToString(), text) : CurrentCard.Missing;
        }
        if (held.Text is not { } body) return WriteResult.Failure(op, new ItemNotFoundException(op.Id));
        var etag = held.ETag;
        if (etag is not null && etag != op.IfVersion) return WriteResult.Failure(op, new VersionMismatchException(op.Id, op.IfVersion, etag));
        var card = VCardReader.Read(body);
        var vcard = VCardWriter.Write(op.Item, card.Uid ?? Path.GetFileNameWithoutExtension(op.Id), card.Marker, card.Preserved);
        using var response = await dav.PutAsync(op.Id, vcard, op.IfVersion, ct).ConfigureAwait(false);
        if (response.Resent && response.Message.StatusCode == HttpStatusCode.PreconditionFailed && await HoldsAsync(op.Id, vcard, ct).ConfigureAwait(false) is { } landed)
            return WriteResult.Success(op, op.Id, landed);
        return await ResultAsync(op, op.Id, op.IfVersion, response.Message, ct).ConfigureAwait(false);
    }

    async Task<WriteResult> DeleteAsync(DeleteOp op, CancellationToken ct)
    {
        using var response = await dav.DeleteAsync(op.Id, op.IfVersion, ct).ConfigureAwait(false);
        if (response.Resent && response.Message.StatusCode == HttpStatusCode.NotFound) return WriteResult.Success(op, op.Id, "");
        return await ResultAsync(op, op.Id, op.IfVersion, response.Message, ct).ConfigureAwait(false);
    }

    async Task<WriteResult> ResultAsync(WriteOp op, string id, string expected, HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
            return WriteResult.Success(op, id, op is DeleteOp ? "" : response.Headers.ETag?.ToString() ?? await FetchETagAsync(id, ct).ConfigureAwait(false));
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return WriteResult.Failure(op, response.StatusCode switch
        {
            HttpStatusCode.PreconditionFailed => new VersionMismatchException(id, expected, null, body),
            HttpStatusCode.NotFound => new ItemNotFoundException(id, body),
            HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.RequestEntityTooLarge
                => new ItemRejectedException(id, body),
            _ => new ItemStoreException($"CardDAV server answered {(int)response.StatusCode}", id, body),
        });
    }

    /// <summary>Servers may leave the ETag out of a PUT's answer (RFC 6352 §6.3.2.3 allows it): ask for it.</summary>
    async Task<string> FetchETagAsync(string id, CancellationToken ct)
    {
        if (id.Length == 0) return "";
        using var response = await dav.GetAsync(id, ct).ConfigureAwait(false);
        return response.Headers.ETag?.ToString() ?? "";
    }

    /// <summary>The card's ETag when it holds exactly what we sent (our lost first attempt landed), else null.</summary>
    async Task<string?> HoldsAsync(string id, string vcard, CancellationToken ct)
    {
        using var response = await dav.GetAsync(id, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) return null;
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return VCardReader.Read(body).Item.Equals(VCardReader.Read(vcard).Item) ? response.Headers.ETag?.ToString() : null;
    }

    static string? IdOf(WriteOp op) => op switch { UpdateOp u => u.Id, DeleteOp d => d.Id, _ => null };
}
