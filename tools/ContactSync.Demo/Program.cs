using System.Runtime.InteropServices;
using System.Text;
using ContactSync.Demo;
using ContactSync.DevHost;
using ContactSync.DeviceEmulator;
using ContactSync.GraphSandbox;

// The demo (issue 5, part 8; issue 7, part 5): the Graph sandbox in process on 7072, the device emulator in process on
// 7073, the dev host running the handler on 7071 against the storage in AzureWebJobsStorage and the Radicale in
// RADICALE_URL (run.sh starts both), then DemoScript drives the HTTP API. --serve keeps them running.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
Console.OutputEncoding = Encoding.UTF8;
var serve = args.Contains("--serve");
var storage = Environment.GetEnvironmentVariable("AzureWebJobsStorage")
    ?? throw new InvalidOperationException("AzureWebJobsStorage is not set (run.sh starts Azurite and sets it)");
var radicaleUrl = Environment.GetEnvironmentVariable("RADICALE_URL")
    ?? throw new InvalidOperationException("RADICALE_URL is not set (run.sh starts Radicale on 127.0.0.1:5232 and sets it)");
var root = FindRepoRoot();
var logPath = Path.Combine(Path.GetTempPath(), "contactsync-demo-host.log");
await using var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
var gate = new object();

await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions(), "http://127.0.0.1:7072");
await using var emulator = await DeviceEmulatorServer.StartAsync("http://127.0.0.1:7073");
var options = DevHostOptions.ForSourceLayout(root, "Release") with
{
    HttpUrl = "http://127.0.0.1:7071",
    Settings = new Dictionary<string, string>
    {
        ["AzureWebJobsStorage"] = storage, ["ContactSync__AdminKey"] = DemoScript.AdminKey,
        ["Sync__GraphBaseUrl"] = sandbox.BaseUrl, ["Sync__GraphSandbox"] = "true", ["Sync__BusyRetryDelay"] = "00:00:01",
        // The device credentials the targets' credentialReference names, as app settings (Key Vault URIs in Azure).
        [DemoScript.PhoneTokenSetting] = DemoScript.PhoneToken, [DemoScript.TabletPasswordSetting] = DemoScript.TabletPassword,
    },
    Functions = new HashSet<string> { "Scheduler", "SyncWorker", "SyncPoison", "Health", "ManagementApi", "Diagnostics" },
    ConfigureQueues = q => q with { MaxPollingInterval = TimeSpan.FromMilliseconds(200) },
    Log = line => { lock (gate) log.WriteLine(line); },
};
Console.WriteLine($"==> Graph sandbox on {sandbox.BaseUrl}, device emulator on {emulator.BaseUrl}, Radicale on {radicaleUrl}; " +
    $"dev host starting on {options.HttpUrl} (its log: {logPath})");
await using var host = await DevHost.StartAsync(options);

// Ctrl-C or SIGTERM (run.sh's clean-up) ends the demo or the serving early; leaving through the `await using`s lets the
// dev host stop the handler process it started.
var stop = new TaskCompletionSource();
void Stop(PosixSignalContext context) { context.Cancel = true; stop.TrySetResult(); }
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var emulatorControl = new DemoEmulator(emulator.BaseUrl);
using var radicale = new DemoRadicale(radicaleUrl, "jiri", DemoScript.TabletPassword);
var demo = new DemoScript(host.BaseAddress, sandbox, emulatorControl, radicale).RunAsync();
if (await Task.WhenAny(demo, stop.Task) != demo) { Console.Error.WriteLine("==> stopped"); return 130; }
var exit = await demo;
if (serve && exit == 0)
{
    Console.WriteLine($"==> serving: API {host.BaseAddress} (X-Api-Key: {DemoScript.AdminKey}), sandbox {sandbox.BaseUrl}/_sandbox, " +
        $"device emulator {emulator.BaseUrl}/_emulator, Radicale {radicaleUrl}; Ctrl-C stops");
    await stop.Task;
}
return exit;

static string FindRepoRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContactSync.sln"))) return dir.FullName;
    throw new InvalidOperationException("ContactSync.sln not found above the current directory");
}
