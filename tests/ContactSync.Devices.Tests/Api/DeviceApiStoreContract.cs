using ContactSync.DeviceEmulator;
using ContactSync.DeviceEmulator.State;
using ContactSync.Devices.Api;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Tests;

namespace ContactSync.Devices.Tests.Api;

/// <summary>The engine's port contract, run against the JSON connector on the emulator: a fresh device per test.</summary>
public sealed class DeviceApiStoreContract : ItemStoreContract, IAsyncLifetime
{
    DeviceEmulatorServer emulator = null!;
    readonly HttpClient http = new();

    public async Task InitializeAsync() => emulator = await DeviceEmulatorServer.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await emulator.DisposeAsync();
    }

    protected override Task<IItemStore> CreateStoreAsync() => Task.FromResult<IItemStore>(NewDevice(new Capabilities()));

    protected override Task<IItemStore> CreateReadOnlyStoreAsync() =>
        Task.FromResult<IItemStore>(NewDevice(new Capabilities(ReadOnly: true), readOnly: true));

    DeviceApiStore NewDevice(Capabilities caps, bool readOnly = false)
    {
        var id = Guid.NewGuid().ToString("n");
        emulator.AddDevice(id, $"token-{id}", caps);
        return new DeviceApiStore(http, new DeviceApiTarget(emulator.DeviceUrl(id), $"token-{id}", readOnly));
    }
}
