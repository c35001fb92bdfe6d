using ContactSync.DeviceEmulator;
using ContactSync.DeviceEmulator.State;
using ContactSync.Devices.Tests.CardDav;
using ContactSync.Engine.Items;
using ContactSync.Handler.Jobs;
using ContactSync.Handler.Sync;
using ContactSync.Hub.Targets;
using ContactSync.Hub.Tenants;
using Microsoft.Extensions.Configuration;

namespace ContactSync.Handler.Tests.EndToEnd.Devices;

/// <summary>Opening a device target against a real emulator and Radicale: what the capabilities turn into (read-only
/// store, no two-way, limits in the projection), credentials from settings (a Key Vault URI names its setting), and
/// the failures a retry cannot fix.</summary>
public sealed class TargetEndpointsTests : IAsyncLifetime
{
    private const string Token = "tok-endpoints";
    private static readonly Tenant Tenant = new("t", "T", "PL", "Europe/Warsaw", new GraphSettings("contoso.example", Guid.NewGuid().ToString(), CredentialKind.ClientSecret, "X"));
    private DeviceEmulatorServer _emulator = null!;
    private readonly Radicale _radicale = new();
    private readonly HttpClientFactory _http = new();
    private TargetEndpoints _endpoints = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DeviceEmulatorServer.StartAsync();
        await _radicale.InitializeAsync();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DEVICE_TOKEN"] = Token, ["kv-device-token"] = Token, ["WRONG"] = "nope",
            ["UNRESOLVED"] = "@Microsoft.KeyVault(SecretUri=https://kv-famoc.vault.azure.net/secrets/gone/)",
        }).Build();
        _endpoints = new TargetEndpoints(new GraphClients(config, Microsoft.Extensions.Options.Options.Create(new SyncSettings())), config, _http);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        await _radicale.DisposeAsync();
        _http.Client.Dispose();
    }

    private Target Device(string deviceId, string? reference, Capabilities? caps = null)
    {
        _emulator.AddDevice(deviceId, Token, caps);
        return new Target(deviceId, TargetKind.Device, "anna@contoso.example", null, "p", [])
        {
            Device = new DeviceEndpoint(DeviceProtocol.Api, _emulator.DeviceUrl(deviceId), reference),
        };
    }

    [Fact]
    public async Task A_read_only_device_gives_a_read_only_store_without_two_way()
    {
        var side = await _endpoints.OpenAsync(Tenant, Device("ro", "DEVICE_TOKEN", new Capabilities(ReadOnly: true)), null, default);
        Assert.True(side.Store.IsReadOnly);
        Assert.False(side.TwoWayAllowed);
        var open = await _endpoints.OpenAsync(Tenant, Device("rw", "https://kv-famoc.vault.azure.net/secrets/kv-device-token"), null, default);
        Assert.False(open.Store.IsReadOnly);
        Assert.True(open.TwoWayAllowed);
    }

    [Fact]
    public async Task The_capabilities_limits_reach_the_projection_with_the_tenants_region()
    {
        var side = await _endpoints.OpenAsync(Tenant, Device("small", "DEVICE_TOKEN", new Capabilities(MaxEmails: 1, TwoWay: false)), null, default);
        Assert.False(side.TwoWayAllowed);
        var (item, warnings) = side.Projection.Project(FieldMap.Empty.WithList(ContactFields.Emails, ["a@x.example", "b@x.example"])
            .WithList(ContactFields.MobilePhones, ["601 234 567"]));
        Assert.Equal(["a@x.example"], item.List(ContactFields.Emails));
        Assert.Equal(["+48601234567"], item.List(ContactFields.MobilePhones));
        Assert.Single(warnings);
    }

    [Fact]
    public async Task A_missing_setting_or_a_refused_token_is_a_job_failure_naming_the_cause()
    {
        var missing = await Assert.ThrowsAsync<JobFailedException>(() => _endpoints.OpenAsync(Tenant, Device("m", "NOT_SET"), null, default));
        Assert.Equal("The credential of device target 'm' is not configured: no app setting 'NOT_SET'.", missing.Message);
        var none = await Assert.ThrowsAsync<JobFailedException>(() => _endpoints.OpenAsync(Tenant, Device("n", null), null, default));
        Assert.Contains("needs a bearer token", none.Message);
        var unresolved = await Assert.ThrowsAsync<JobFailedException>(() => _endpoints.OpenAsync(Tenant, Device("u", "UNRESOLVED"), null, default));
        Assert.Contains("unresolved Key Vault reference in app setting 'UNRESOLVED'", unresolved.Message);
        Assert.Equal(0, _emulator.Device("u").Counters().Unauthorized); // never sent as a token
        var refused = await Assert.ThrowsAsync<JobFailedException>(() => _endpoints.OpenAsync(Tenant, Device("w", "WRONG"), null, default));
        Assert.EndsWith("401 from the device.", refused.Message);
        Assert.Equal(1, _emulator.Device("w").Counters().Unauthorized);
    }

    [Fact]
    public async Task A_cardDav_book_opens_without_a_credential_and_a_missing_setting_fails()
    {
        var book = new Target("jan", TargetKind.Device, "jan@contoso.example", null, "p", [])
        {
            Device = new DeviceEndpoint(DeviceProtocol.CardDav, _radicale.NewCollection(), null, Radicale.User),
        };
        var side = await _endpoints.OpenAsync(Tenant, book, null, default);
        Assert.True(side.TwoWayAllowed);
        Assert.Empty((await side.Store.ListChangesAsync(null)).Changed);
        Assert.Equal("Jan", side.Projection.Project(FieldMap.Empty.With(ContactFields.GivenName, "Jan")).Item[ContactFields.DisplayName]);
        var missing = book with { Device = book.Device! with { CredentialReference = "NOT_SET" } };
        await Assert.ThrowsAsync<JobFailedException>(() => _endpoints.OpenAsync(Tenant, missing, null, default));
    }

    private sealed class HttpClientFactory : IHttpClientFactory
    {
        public HttpClient Client { get; } = new();
        public HttpClient CreateClient(string name) => Client;
    }
}
