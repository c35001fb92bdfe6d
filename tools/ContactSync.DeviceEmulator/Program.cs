using ContactSync.DeviceEmulator;

// Standalone: `dotnet run --project tools/ContactSync.DeviceEmulator [urls]` (default http://127.0.0.1:7073).
var server = await DeviceEmulatorServer.StartAsync(args.Length > 0 ? args[0] : "http://127.0.0.1:7073");
Console.WriteLine($"Device emulator on {server.BaseUrl} (devices under /devices/{{id}}, control under /_emulator)");
await server.WaitForShutdownAsync();
