using System.Text.Json.Nodes;
using ContactSync.DeviceEmulator.Routes;
using ContactSync.DeviceEmulator.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ContactSync.DeviceEmulator;

/// <summary>A running emulator: devices under <c>{BaseUrl}/devices/{id}</c>, the control API under
/// <c>{BaseUrl}/_emulator</c>, and the same control methods in C#. Port 0 picks a free port.</summary>
public sealed class DeviceEmulatorServer : IAsyncDisposable
{
    readonly WebApplication app;

    DeviceEmulatorServer(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
        Devices = app.Services.GetRequiredService<DeviceRegistry>();
    }

    public string BaseUrl { get; }
    public DeviceRegistry Devices { get; }

    public static Task<DeviceEmulatorServer> StartAsync(int port = 0) => StartAsync($"http://127.0.0.1:{port}");

    public static async Task<DeviceEmulatorServer> StartAsync(string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<DeviceRegistry>();
        var app = builder.Build();
        app.MapDeviceApi();
        app.MapControlApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DeviceEmulatorServer(app, address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/'));
    }

    /// <summary>The base URL a connector is given for a device.</summary>
    public string DeviceUrl(string deviceId) => $"{BaseUrl}/devices/{deviceId}";

    public EmulatedDevice AddDevice(string deviceId, string token, Capabilities? capabilities = null) =>
        Devices.Register(deviceId, token, capabilities);

    public EmulatedDevice Device(string deviceId) => Devices.Find(deviceId) ?? throw new KeyNotFoundException(deviceId);

    /// <summary>The user adds (contactId null) or edits a contact on the phone.</summary>
    public DeviceContact UserEdit(string deviceId, string? contactId, JsonObject fields) => Device(deviceId).UserPut(contactId, fields);

    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
