using System.Collections.Concurrent;

namespace ContactSync.DeviceEmulator.State;

/// <summary>The emulated devices by id.</summary>
public sealed class DeviceRegistry
{
    readonly ConcurrentDictionary<string, EmulatedDevice> devices = new(StringComparer.Ordinal);

    public EmulatedDevice Register(string id, string token, Capabilities? capabilities = null) =>
        devices[id] = new EmulatedDevice(id, token, capabilities ?? new Capabilities());

    public EmulatedDevice? Find(string id) => devices.GetValueOrDefault(id);
}
