using System.Runtime.InteropServices;
using ContactSync.DevHost;

// dotnet ContactSync.DevHost.dll [--source [--configuration Debug|Release]] [--script-root DIR] [--url http://127.0.0.1:7071]
//                                [--functions A,B]
// --source runs the source layout of the repo found from the current directory; otherwise the current directory (or
// --script-root) is a deployable layout such as artifacts/app.
var arg = (string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var options = args.Contains("--source")
    ? DevHostOptions.ForSourceLayout(arg("--script-root") ?? FindRepoRoot(), arg("--configuration") ?? "Debug")
    : new DevHostOptions { ScriptRoot = arg("--script-root") ?? Directory.GetCurrentDirectory() };
options = options with
{
    HttpUrl = arg("--url") ?? options.HttpUrl,
    Functions = arg("--functions")?.Split(',').ToHashSet(),
};

using var stop = new CancellationTokenSource();
// Ctrl-C and SIGTERM end the wait below; the host then stops its drivers and kills the handler before Main returns.
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
try
{
    await using var host = await DevHost.StartAsync(options, stop.Token);
    Console.WriteLine("dev host running; Ctrl-C stops it");
    try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
    Console.WriteLine("dev host stopping");
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or FormatException or IOException)
{
    Console.Error.WriteLine($"dev host: {e.Message}");
    return 1;
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ContactSync.sln"))) return dir.FullName;
    throw new InvalidOperationException("no ContactSync.sln above the current directory; pass --script-root");
}
