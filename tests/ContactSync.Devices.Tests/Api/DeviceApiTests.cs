using System.Net;
using System.Text.Json.Nodes;
using ContactSync.DeviceEmulator;
using ContactSync.DeviceEmulator.State;
using ContactSync.Devices.Api;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;

namespace ContactSync.Devices.Tests.Api;

/// <summary>The protocol beyond the port contract: auth, limits, expired tokens, batch size, the wire's contact shape.</summary>
public sealed class DeviceApiTests : IAsyncLifetime
{
    DeviceEmulatorServer emulator = null!;
    readonly HttpClient http = new();

    public async Task InitializeAsync() => emulator = await DeviceEmulatorServer.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await emulator.DisposeAsync();
    }

    (DeviceApiStore Store, EmulatedDevice Device) NewDevice(Capabilities? caps = null, string? token = null)
    {
        var id = Guid.NewGuid().ToString("n");
        var device = emulator.AddDevice(id, $"token-{id}", caps);
        return (new DeviceApiStore(http, new DeviceApiTarget(emulator.DeviceUrl(id), token ?? $"token-{id}", MaxBatch: caps?.MaxBatch ?? 100)), device);
    }

    static FieldMap Full() => new Contact
    {
        GivenName = "Zoë", Surname = "Łukasiewicz", CompanyName = "Żabka", Emails = ["a@x.pl", "b@x.pl"],
        MobilePhones = ["+48 600 100 200"], HomeAddress = new PostalAddress("ul. Długa 1", "Kraków", null, "30-001", "PL"),
        Notes = "line 1\nline 2 ; , \\", Birthday = "1985-04-12",
    }.ToFieldMap();

    [Fact]
    public async Task A_wrong_token_is_refused_and_counted()
    {
        var (store, device) = NewDevice(token: "wrong");
        var e = await Assert.ThrowsAsync<DeviceApiException>(() => store.ListChangesAsync(null));
        Assert.Equal(HttpStatusCode.Unauthorized, e.Status);
        Assert.Equal(1, device.Counters().Unauthorized);
    }

    [Fact]
    public async Task Contacts_travel_as_arrays_and_nested_addresses_and_come_back_equal()
    {
        var (store, device) = NewDevice();
        var written = await store.CreateAsync(Full(), "hub-1");
        var onPhone = Assert.Single(device.Contents());
        Assert.Equal(2, onPhone.Fields["emails"]!.AsArray().Count);
        Assert.Equal("Kraków", onPhone.Fields["homeAddress"]!["city"]!.GetValue<string>());
        Assert.Equal("hub-1", onPhone.Marker);
        Assert.Equal(Full(), Assert.Single(await store.GetManyAsync([written.Id])).Item);
    }

    [Fact]
    public async Task Limits_are_declared_and_enforced_per_operation()
    {
        var (store, device) = NewDevice(new Capabilities(MaxEmails: 1, MaxPhones: 1));
        Assert.Equal(1, (await store.GetCapabilitiesAsync()).MaxEmails);
        var results = await store.WriteAsync([new CreateOp(Full(), "a"), new CreateOp(FieldMap.Empty.With("givenName", "Ok"), "b")]);
        Assert.Contains("at most 1", Assert.IsType<ItemRejectedException>(results[0].Error).RemoteMessage);
        Assert.True(results[1].Ok);
        Assert.Equal("Ok", Assert.Single(device.Contents()).Fields["givenName"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_expired_token_gets_a_full_listing_and_phone_edits_show_in_the_delta()
    {
        var (store, device) = NewDevice();
        var a = await store.CreateAsync(Full(), "a");
        var first = await store.ListChangesAsync(null);
        var edited = emulator.UserEdit(device.Id, a.Id, new JsonObject { ["givenName"] = "Edited" });
        var delta = await store.ListChangesAsync(first.NextToken);
        Assert.Equal([new ItemVersion(a.Id, edited.Version)], delta.Changed);
        Assert.Equal("Edited", Assert.Single(await store.GetManyAsync([a.Id])).Item["givenName"]);
        Assert.Equal("a", device.Contents()[0].Marker);

        device.ExpireTokens();
        var again = await store.ListChangesAsync(delta.NextToken);
        Assert.True(again.IsFullListing);
        Assert.Single(again.Changed);
    }

    [Fact]
    public async Task More_than_a_batch_is_split_into_batches_of_one_hundred()
    {
        var (store, device) = NewDevice();
        var results = await store.WriteAsync([.. Enumerable.Range(0, 250).Select(i => new CreateOp(FieldMap.Empty.With("givenName", $"N{i}"), $"m{i}"))]);
        Assert.All(results, r => Assert.True(r.Ok));
        Assert.Equal((3, 250), (device.Counters().Applies, device.Contents().Count));
        var wipedVersions = (await store.ListChangesAsync(null)).Changed;
        device.Wipe();
        var after = await store.ListChangesAsync(null);
        Assert.Equal((250, 0), (wipedVersions.Count, after.Changed.Count));
    }

    [Fact]
    public async Task A_device_declaring_a_smaller_batch_gets_batches_of_that_size()
    {
        var (store, device) = NewDevice(new Capabilities(MaxBatch: 40));
        var results = await store.WriteAsync([.. Enumerable.Range(0, 100).Select(i => new CreateOp(FieldMap.Empty.With("givenName", $"N{i}"), $"m{i}"))]);
        Assert.All(results, r => Assert.True(r.Ok, r.Error?.Message));
        Assert.Equal((3, 100), (device.Counters().Applies, device.Contents().Count));

        // The emulator refuses a larger batch as a whole, as the protocol says: nothing of it is written.
        var (_, other) = NewDevice(new Capabilities(MaxBatch: 10));
        var unaware = new DeviceApiStore(http, new DeviceApiTarget(emulator.DeviceUrl(other.Id), other.Token));
        var refused = await Assert.ThrowsAsync<DeviceApiException>(() => unaware.WriteAsync([.. Enumerable.Range(0, 11).Select(i => new CreateOp(FieldMap.Empty, $"x{i}"))]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Empty(other.Contents());
    }
}
