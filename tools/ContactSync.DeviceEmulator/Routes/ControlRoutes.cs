using System.Text.Json.Nodes;
using ContactSync.DeviceEmulator.State;

namespace ContactSync.DeviceEmulator.Routes;

/// <summary>The test and demo control API under <c>/_emulator/devices/{deviceId}</c> (no auth: loopback only).</summary>
public static class ControlRoutes
{
    public static void MapControlApi(this WebApplication app)
    {
        var c = app.MapGroup("/_emulator/devices/{deviceId}");
        c.MapPut("", (string deviceId, RegisterBody body, DeviceRegistry r) =>
            Results.Json(r.Register(deviceId, body.Token, body.Capabilities).Capabilities));
        c.MapGet("/contacts", (string deviceId, DeviceRegistry r) => With(r, deviceId, d => Results.Json(d.Contents().Select(WireShapes.Contact))));
        c.MapPost("/contacts", (string deviceId, JsonObject fields, DeviceRegistry r) =>
            With(r, deviceId, d => Results.Json(WireShapes.Contact(d.UserPut(null, fields)), statusCode: 201)));
        c.MapPut("/contacts/{contactId}", (string deviceId, string contactId, JsonObject fields, DeviceRegistry r) =>
            With(r, deviceId, d => Results.Json(WireShapes.Contact(d.UserPut(contactId, fields)))));
        c.MapDelete("/contacts/{contactId}", (string deviceId, string contactId, DeviceRegistry r) =>
            With(r, deviceId, d => d.UserDelete(contactId) ? Results.NoContent() : WireShapes.Error(404, "no such contact")));
        c.MapDelete("/contacts", (string deviceId, DeviceRegistry r) => With(r, deviceId, d => { d.Wipe(); return Results.NoContent(); }));
        c.MapPost("/expire-tokens", (string deviceId, DeviceRegistry r) => With(r, deviceId, d => { d.ExpireTokens(); return Results.NoContent(); }));
        c.MapGet("/counters", (string deviceId, DeviceRegistry r) => With(r, deviceId, d => Results.Json(d.Counters())));
    }

    static IResult With(DeviceRegistry r, string deviceId, Func<EmulatedDevice, IResult> f) =>
        r.Find(deviceId) is { } d ? f(d) : WireShapes.Error(404, "no such device");
}
