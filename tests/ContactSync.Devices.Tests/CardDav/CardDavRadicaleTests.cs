using System.Net.Http.Headers;
using System.Text;
using ContactSync.Devices.CardDav;
using ContactSync.Devices.Tests.VCard;
using ContactSync.Engine.Ports;

namespace ContactSync.Devices.Tests.CardDav;

/// <summary>CardDAV behaviour beyond the port contract, on Radicale: the collection is an address book, phone edits keep
/// their unknown properties through our update, a foreign sync token falls back to a full listing.</summary>
[Collection(RadicaleCollection.Name)]
public sealed class CardDavRadicaleTests(Radicale radicale) : IDisposable
{
    readonly HttpClient http = new();

    public void Dispose() => http.Dispose();

    CardDavTarget NewTarget() => new(radicale.NewCollection(), Radicale.User, "x");

    [Fact]
    public async Task An_update_keeps_the_phones_photo_and_uid()
    {
        var target = NewTarget();
        var store = new CardDavStore(http, target);
        await store.ListChangesAsync(null);
        var card = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-1\r\nN:Nowak;Jan;;;\r\nFN:Jan Nowak\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\r\nEND:VCARD\r\n";
        using (var put = new HttpRequestMessage(HttpMethod.Put, target.Resource("phone-1.vcf")) { Content = new StringContent(card, Encoding.UTF8, "text/vcard") })
        {
            put.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("contactsync:x"u8.ToArray()));
            (await http.SendAsync(put)).EnsureSuccessStatusCode();
        }
        var listed = Assert.Single((await store.ListChangesAsync(null)).Changed);
        await store.UpdateAsync(listed.Id, listed.Version, VCardMapperTests.Full());

        var raw = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, target.Resource("phone-1.vcf"))
            { Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("contactsync:x"u8.ToArray())) } });
        var text = await raw.Content.ReadAsStringAsync();
        Assert.Contains("PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ", text);
        Assert.Contains("UID:phone-1", text);
        Assert.Equal(VCardMapperTests.Full(), Assert.Single(await store.GetManyAsync([listed.Id])).Item);
    }

    [Fact]
    public async Task A_token_the_server_refuses_gives_a_full_listing()
    {
        var store = new CardDavStore(http, NewTarget());
        var a = await store.CreateAsync(VCardMapperTests.Full(), "hub-a");
        var listing = await store.ListChangesAsync("http://radicale.org/ns/sync/not-a-token");
        Assert.True(listing.IsFullListing);
        Assert.Equal([a], listing.Changed);
        Assert.NotNull(listing.NextToken);
    }

    [Fact]
    public async Task A_batch_of_writes_runs_in_parallel_and_every_card_arrives()
    {
        var store = new CardDavStore(http, NewTarget() with { Parallelism = 4 });
        var results = await store.WriteAsync([.. Enumerable.Range(0, 60).Select(i => new CreateOp(VCardMapperTests.Full().With("givenName", $"Zoë{i}"), $"m{i}"))]);
        Assert.All(results, r => Assert.True(r.Ok, r.Error?.Message));
        var all = await store.GetManyAsync([.. (await store.ListChangesAsync(null)).Changed.Select(v => v.Id)]);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => $"m{i}").Order(), all.Select(i => i.Marker!).Order());
        Assert.Equal([.. results.Select(r => r.Written!.Version).Order()], all.Select(i => i.Version).Order());
    }
}
