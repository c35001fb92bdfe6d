using ContactSync.Devices.CardDav;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Tests;

namespace ContactSync.Devices.Tests.CardDav;

/// <summary>The engine's port contract against a real Radicale: a fresh address book per test.</summary>
[Collection(RadicaleCollection.Name)]
public sealed class CardDavStoreContract(Radicale radicale) : ItemStoreContract, IDisposable
{
    readonly HttpClient http = new();

    public void Dispose() => http.Dispose();

    protected override Task<IItemStore> CreateStoreAsync() =>
        Task.FromResult<IItemStore>(new CardDavStore(http, new CardDavTarget(radicale.NewCollection(), Radicale.User, "x")));

    protected override Task<IItemStore> CreateReadOnlyStoreAsync() =>
        Task.FromResult<IItemStore>(new CardDavStore(http, new CardDavTarget(radicale.NewCollection(), Radicale.User, "x", ReadOnly: true)));

    /// <summary>vCard requires FN, so a sample that reads back as written carries its display name.</summary>
    protected override FieldMap Sample(int n) => base.Sample(n).With("displayName", $"Anna{n} Nowak");
}
