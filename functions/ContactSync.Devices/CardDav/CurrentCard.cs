namespace ContactSync.Devices.CardDav;

/// <summary>A card as the server holds it before an update: its ETag and vCard text, or <see cref="Missing"/>.</summary>
sealed record CurrentCard(string? ETag, string? Text)
{
    public static readonly CurrentCard Missing = new(null, null);

    /// <summary>The cards a batch updates, by one addressbook-multiget per 200 instead of a GET each. A member the server
    /// reports missing is <see cref="CurrentCard.Missing"/>; when the multiget fails, the writer GETs each card itself.</summary>
    public static async Task<IReadOnlyDictionary<string, CurrentCard>> FetchAsync(DavClient dav, CardDavTarget target, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var cards = new Dictionary<string, CurrentCard>(StringComparer.Ordinal);
        try
        {
            foreach (var chunk in ids.Chunk(200))
            {
                using var response = await dav.ReportAsync(DavXml.Multiget(chunk.Select(id => target.Resource(id).AbsolutePath)), ct).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode) break;
                foreach (var m in DavXml.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)).Members)
                {
                    if (m.Status == 200 && m.AddressData is not null) cards[CardDavTarget.IdOf(m.Href)] = new CurrentCard(m.ETag, m.AddressData);
                    else if (m.Status == 404) cards[CardDavTarget.IdOf(m.Href)] = CurrentCard.Missing;
                }
            }
        }
        catch (HttpRequestException) { } // the writer GETs the cards not fetched here
        return cards;
    }
}
