using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ContactSync.Demo;

/// <summary>One contact as the emulated phone holds it; <see cref="Marker"/> (the hub id) set means the service manages it.</summary>
public sealed record PhoneContact(string Id, string? Marker, JsonObject Fields)
{
    public string Name => $"{Fields["givenName"]} {Fields["surname"]}".Trim();
}

/// <summary>The device emulator's control API (<c>/_emulator/devices/{id}</c>, no token): registering a phone and what
/// "the user on the phone" does. The demo counts a device's contacts here, never from the service's own status.</summary>
public sealed class DemoEmulator(string baseUrl) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/_emulator/devices/") };

    public string DeviceUrl(string deviceId) => $"{baseUrl.TrimEnd('/')}/devices/{deviceId}";

    public async Task RegisterAsync(string deviceId, string token, object capabilities) =>
        await SendAsync(HttpMethod.Put, deviceId, new { token, capabilities });

    /// <summary>The user adds a contact on the phone: no marker, a personal contact.</summary>
    public async Task<string> AddAsync(string deviceId, JsonObject fields) =>
        (await SendAsync(HttpMethod.Post, $"{deviceId}/contacts", fields))?["id"]?.GetValue<string>()
            ?? throw new InvalidOperationException("the emulator returned no contact id");

    public Task EditAsync(string deviceId, string contactId, JsonObject fields) => SendAsync(HttpMethod.Put, $"{deviceId}/contacts/{contactId}", fields);

    public Task DeleteAsync(string deviceId, string contactId) => SendAsync(HttpMethod.Delete, $"{deviceId}/contacts/{contactId}");

    /// <summary>Every contact gone, as after a factory reset.</summary>
    public Task WipeAsync(string deviceId) => SendAsync(HttpMethod.Delete, $"{deviceId}/contacts");

    public async Task<IReadOnlyList<PhoneContact>> ContactsAsync(string deviceId) =>
        [.. (await SendAsync(HttpMethod.Get, $"{deviceId}/contacts") as JsonArray ?? []).Select(c => new PhoneContact(
            c!["id"]!.GetValue<string>(), c["marker"]?.GetValue<string>(), c["fields"]?.AsObject() ?? []))];

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} /_emulator/devices/{path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public void Dispose() => http.Dispose();
}
