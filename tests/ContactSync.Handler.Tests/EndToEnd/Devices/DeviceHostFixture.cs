using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactSync.DeviceEmulator;
using ContactSync.DeviceEmulator.State;
using ContactSync.Devices.CardDav;
using ContactSync.Devices.Tests.CardDav;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Hub.Directory;
using ContactSync.Hub.HubItems;
using ContactSync.Hub.Policies;
using ContactSync.Hub.Tenants;
using ContactSync.Storage;

namespace ContactSync.Handler.Tests.EndToEnd.Devices;

/// <summary>One dev host running the real handler (worker and HTTP functions) against the test Azurite, with a device
/// emulator and a Radicale next to it. The handler reads device credentials from its settings: <see cref="TokenSetting"/>
/// holds the emulated devices' token, <see cref="WrongTokenSetting"/> a token no device accepts, <see cref="MissingSetting"/>
/// is not set. Each test seeds a tenant of its own; device ids and address books are unique per test.</summary>
public sealed class DeviceHostFixture : IAsyncLifetime
{
    public const string AdminKey = "e2e-device-admin-key";
    public const string TokenSetting = "E2E_DEVICE_TOKEN", WrongTokenSetting = "E2E_WRONG_DEVICE_TOKEN", MissingSetting = "E2E_NO_SUCH_TOKEN";
    public const string PasswordSetting = "E2E_RADICALE_PASSWORD";
    private const string Token = "tok-3f1c9a", WrongToken = "tok-wrong";
    public ITableStore Tables { get; } = TestEnvironment.Storage.CreateTableStore();
    public ConcurrentQueue<string> Log { get; } = new();
    public DevHost.DevHost Host { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public DeviceEmulatorServer Emulator { get; private set; } = null!;
    public Radicale Radicale { get; } = new();
    // Radicale answers HTTP/1.0 and closes; a pooled connection reused after that fails the next request.
    private readonly HttpClient _dav = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero });
    public GroupStore Groups => new(Tables);
    public PolicyStore Policies => new(Tables, Groups);

    public async Task InitializeAsync()
    {
        Emulator = await DeviceEmulatorServer.StartAsync();
        await Radicale.InitializeAsync();
        var options = TestEnvironment.DevHost(new Dictionary<string, string>
        {
            ["SYNC_JOBS_QUEUE"] = TestEnvironment.UniqueName("d") + "-jobs", ["Jobs__Table"] = TestEnvironment.UniqueName("d") + "jobs",
            ["ContactSync__AdminKey"] = AdminKey, ["Jobs__Lease"] = "00:00:30", ["Sync__GraphSandbox"] = "true",
            ["Sync__BusyRetryDelay"] = "00:00:01",
            [TokenSetting] = Token, [WrongTokenSetting] = WrongToken, [PasswordSetting] = "radicale-ignores-it",
        }, Log.Enqueue) with
        {
            Functions = new HashSet<string> { "SyncWorker", "SyncPoison", "Health", "ManagementApi" },
        };
        Host = await DevHost.DevHost.StartAsync(options);
        Http = new HttpClient { BaseAddress = Host.BaseAddress };
        Http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        foreach (var table in ContactSync.Hub.HubTables.All) await Tables.CreateTableIfNotExistsAsync(table);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        _dav.Dispose();
        await Host.DisposeAsync();
        await Emulator.DisposeAsync();
        await Radicale.DisposeAsync();
    }

    /// <summary>A new tenant (phone region PL). Its Graph settings are valid but never used: device targets need no Graph.</summary>
    public async Task<string> TenantAsync()
    {
        var id = TestEnvironment.UniqueName("t");
        var saved = await new TenantStore(Tables).SaveAsync(new Tenant(id, "Devices " + id, "PL", "Europe/Warsaw",
            new GraphSettings(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), CredentialKind.ClientSecret, "E2E_UNUSED_SECRET")));
        Assert.True(saved.IsOk);
        return id;
    }

    public async Task PolicyAsync(string tenantId, Policy policy) => Assert.True((await Policies.SaveAsync(tenantId, policy)).IsOk);

    /// <summary>A manual group with these members (name, surname, e-mail, optional phone), replacing earlier members.</summary>
    public async Task GroupAsync(string tenantId, string groupId, params (string Given, string Surname, string Email, string? Phone)[] people)
    {
        if (!await Groups.ExistsAsync(tenantId, groupId))
            Assert.True((await Groups.SaveAsync(tenantId, new Group(groupId, groupId, GroupSource.Manual))).IsOk);
        var members = people.Select(p =>
        {
            var raw = Contact(("givenName", p.Given), ("surname", p.Surname), ("emails", p.Email));
            return MemberContact.Prepare(p.Phone is null ? raw : raw.With(ContactFields.MobilePhones, p.Phone), "PL").Member!;
        }).ToArray();
        Assert.True((await Groups.WriteMembersAsync(tenantId, groupId, members, replaceAll: true)).IsOk);
    }

    /// <summary>A device registered on the emulator (id unique to the tenant) and a target for it saved through the API.</summary>
    public async Task<string> ApiDeviceAsync(string tenantId, string targetId, string policyId, Capabilities? capabilities = null,
        string credentialSetting = TokenSetting)
    {
        var deviceId = $"{tenantId}-{targetId}";
        Emulator.AddDevice(deviceId, Token, capabilities);
        await PutTargetAsync(tenantId, targetId, policyId, new JsonObject
        {
            ["protocol"] = "api", ["url"] = Emulator.DeviceUrl(deviceId), ["credentialReference"] = credentialSetting, ["name"] = $"{targetId}'s phone",
        });
        return deviceId;
    }

    /// <summary>A fresh Radicale address book (created by the first sync) and a target for it saved through the API.</summary>
    public async Task<string> CardDavAsync(string tenantId, string targetId, string policyId)
    {
        var url = Radicale.NewCollection();
        await PutTargetAsync(tenantId, targetId, policyId, new JsonObject
        {
            ["protocol"] = "cardDav", ["url"] = url, ["userName"] = Radicale.User, ["credentialReference"] = PasswordSetting, ["name"] = $"{targetId}'s tablet",
        });
        return url;
    }

    private async Task PutTargetAsync(string tenantId, string targetId, string policyId, JsonObject device)
    {
        var body = new JsonObject { ["kind"] = "device", ["ownerEmail"] = $"{targetId}@{tenantId}.example", ["policyId"] = policyId, ["device"] = device };
        using var response = await Http.PutAsJsonAsync($"api/tenants/{tenantId}/targets/{targetId}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The address book's cards as our vCard reader sees them.</summary>
    public async Task<IReadOnlyList<StoredItem>> BookAsync(string url)
    {
        var book = new CardDavStore(_dav, new CardDavTarget(url, Radicale.User, ""));
        return await book.GetManyAsync([.. (await book.ListChangesAsync(null)).Changed.Select(v => v.Id)]);
    }

    /// <summary>A card edited by another CardDAV client (conditional on its ETag; unknown properties and our marker kept).</summary>
    public async Task EditCardAsync(string url, StoredItem card, FieldMap edited)
    {
        var book = new CardDavStore(_dav, new CardDavTarget(url, Radicale.User, ""));
        var result = Assert.Single(await book.WriteAsync([new UpdateOp(card.Id, card.Version, edited)]));
        Assert.True(result.Ok, result.Error?.Message);
    }

    /// <summary>Every card of the book deleted, as a phone reset would.</summary>
    public async Task WipeBookAsync(string url)
    {
        var book = new CardDavStore(_dav, new CardDavTarget(url, Radicale.User, ""));
        var results = await book.WriteAsync([.. (await BookAsync(url)).Select(c => (WriteOp)new DeleteOp(c.Id, c.Version))]);
        Assert.All(results, r => Assert.True(r.Ok, r.Error?.Message));
    }

    /// <summary>A card another client put into the book (vCard 3.0, no marker of ours).</summary>
    public async Task PutCardAsync(string url, string uid, string vcard)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{url}{uid}.vcf") { Content = new StringContent(vcard.ReplaceLineEndings("\r\n")) };
        request.Content.Headers.ContentType = new("text/vcard");
        request.Headers.Authorization = new("Basic", Convert.ToBase64String("contactsync:"u8.ToArray()));
        using var response = await _dav.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
    }

    public TableHubContactStore Hub(string tenantId) => new(Tables, tenantId);

    public static FieldMap Contact(params (string Field, string Value)[] fields) =>
        FieldMap.From(fields.Select(f => new KeyValuePair<string, string?>(f.Field, f.Value)));

    /// <summary>Sync now through the API, then the job's final state from the job URL.</summary>
    public async Task<JsonElement> SyncAsync(string tenantId, string targetId, string section, string expectedState = "succeeded")
    {
        using var response = await Http.PostAsync($"api/tenants/{tenantId}/targets/{targetId}/sync?section={section}", null);
        return await TestEnvironment.FinishedJobAsync(Http, response, expectedState);
    }

    public async Task<JsonElement> GetAsync(string path) => await Http.GetFromJsonAsync<JsonElement>(path);
}
