using ContactSync.DeviceEmulator.State;

namespace ContactSync.DeviceEmulator.Routes;

/// <summary>The device-contacts API of docs/device-api.md under <c>/devices/{deviceId}</c>, behind the device's bearer token.</summary>
public static class DeviceRoutes
{
    public static void MapDeviceApi(this WebApplication app)
    {
        var api = app.MapGroup("/devices/{deviceId}").AddEndpointFilter(async (ctx, next) =>
        {
            var registry = ctx.HttpContext.RequestServices.GetRequiredService<DeviceRegistry>();
            var device = registry.Find((string)ctx.HttpContext.GetRouteValue("deviceId")!);
            if (device is null) return WireShapes.Error(404, "no such device");
            var auth = ctx.HttpContext.Request.Headers.Authorization.ToString();
            if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || !device.Authorize(auth[7..]))
                return WireShapes.Error(401, "missing or wrong bearer token");
            ctx.HttpContext.Items[nameof(EmulatedDevice)] = device;
            return await next(ctx);
        });

        api.MapGet("/capabilities", (HttpContext h) => Results.Json(Device(h).Capabilities));
        api.MapGet("/contacts", (HttpContext h, string? since) =>
        {
            var (items, deleted, next, full) = Device(h).List(since);
            return Results.Json(new { items = items.Select(c => new { id = c.Id, version = c.Version }), deleted, nextToken = next, full });
        });
        api.MapPost("/contacts/get", (HttpContext h, IdsBody body) =>
            Results.Json(new { contacts = Device(h).Get(body.Ids ?? []).Select(WireShapes.Contact) }));
        api.MapPost("/contacts/find", (HttpContext h, MarkersBody body) =>
            Results.Json(new { contacts = Device(h).Find(body.Markers ?? []).Select(WireShapes.Contact) }));
        api.MapPost("/contacts/apply", (HttpContext h, ApplyBody body) =>
        {
            var device = Device(h);
            device.CountApply();
            var ops = body.Operations ?? [];
            if (ops.Count > device.Capabilities.MaxBatch)
                return WireShapes.Error(400, $"{ops.Count} operations, at most {device.Capabilities.MaxBatch} per batch");
            var results = ops.Select(op =>
            {
                var (status, contact, error) = device.Apply(op.Op ?? "", op.Id, op.IfVersion, op.Marker, op.Fields);
                return new { status, id = contact?.Id ?? op.Id, version = contact?.Version, error };
            }).ToList();
            return Results.Json(new { results });
        });
    }

    static EmulatedDevice Device(HttpContext h) => (EmulatedDevice)h.Items[nameof(EmulatedDevice)]!;
}
