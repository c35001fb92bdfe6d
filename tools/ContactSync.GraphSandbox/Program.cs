using ContactSync.GraphSandbox;

// Standalone: `dotnet run --project tools/ContactSync.GraphSandbox [--urls http://127.0.0.1:7072]`.
var urls = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault()
    ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? "http://127.0.0.1:7072";
await using var server = await SandboxServer.StartAsync(new SandboxOptions(), urls);
Console.WriteLine($"Graph sandbox listening on {server.BaseUrl} (Graph under /v1.0, control API under /_sandbox)");
await server.WaitForShutdownAsync();
