using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ContactSync.Devices.CardDav;
using ContactSync.Devices.VCard;
using ContactSync.Engine.InMemory;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Sync;

namespace ContactSync.Bench;

/// <summary>
/// Our engine (SyncEngine, an in-memory hub → CardDavStore, export) against Debian's vdirsyncer (a filesystem storage
/// holding the same cards as .vcf files → a second collection), both into an empty collection of one Radicale, then again
/// after 1% of the contacts changed. Both sides start from the same vCard text and each run includes the tool's own
/// change detection. Args (optional): contacts, PUT parallelism, engine batch size.
/// </summary>
public sealed class CardDavBenchmark : IBenchmark
{
    const string User = "contactsync";
    public string Name => "carddav";
    public string Description => "5,000 contacts into an empty Radicale address book, then 1% changed: our engine vs vdirsyncer";

    public async Task RunAsync(string[] args)
    {
        var count = Arg(args, 0, 5000);
        var parallelism = Arg(args, 1, 4);
        var batch = Arg(args, 2, 100);
        var work = Directory.CreateTempSubdirectory("carddav-bench-").FullName;
        var port = FreePort();
        using var radicale = Start("radicale", "--server-hosts", $"127.0.0.1:{port}", "--auth-type", "none", "--rights-type", "owner_only",
            "--storage-filesystem-folder", Path.Combine(work, "collections"), "--logging-level", "warning");
        try
        {
            await WaitForPortAsync(port);
            var baseUrl = $"http://127.0.0.1:{port}/{User}";
            var contacts = Enumerable.Range(0, count).Select(Generate).ToList();
            var changed = Enumerable.Range(0, count / 100).Select(i => i * 100 + 7).ToList();
            Console.WriteLine($"carddav: {count} contacts, {changed.Count} changed, Radicale {Version("radicale", "--version")}, " +
                $"{Version("vdirsyncer", "--version")}; ours: PUT parallelism {parallelism}, engine batch {batch}");

            var (oursInitial, oursIncremental) = await OursAsync($"{baseUrl}/ours/", contacts, changed, parallelism, batch);
            var (theirsInitial, theirsIncremental) = await VdirsyncerAsync(work, $"{baseUrl}/vdir/", contacts, changed);

            Result.Print("carddav_initial_s", oursInitial, "s");
            Result.Print("vdirsyncer_initial_s", theirsInitial, "s");
            Result.Print("carddav_vs_vdirsyncer", oursInitial / theirsInitial);
            Result.Print("carddav_incremental_s", oursIncremental, "s");
            Result.Print("vdirsyncer_incremental_s", theirsIncremental, "s");
            Result.Print("carddav_vs_vdirsyncer_incremental", oursIncremental / theirsIncremental);
        }
        finally
        {
            if (!radicale.HasExited) { radicale.Kill(); await radicale.WaitForExitAsync(); }
            Directory.Delete(work, true);
        }
    }

    static async Task<(double Initial, double Incremental)> OursAsync(string collection, List<FieldMap> contacts, List<int> changed, int parallelism, int batch)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = parallelism * 2 });
        var hub = new InMemoryItemStore("hub");
        var ids = new List<ItemVersion>();
        foreach (var c in contacts) ids.Add(await hub.CreateAsync(c, "seed"));
        var remote = new CardDavStore(http, new CardDavTarget(collection, User, "x", Parallelism: parallelism));
        var engine = new SyncEngine(hub, remote, new InMemoryStatusStore());
        var options = new SyncOptions { Direction = SyncDirection.Export, BatchSize = batch };

        var initial = await TimedAsync(() => engine.RunAsync(options));
        foreach (var i in changed) await hub.UpdateAsync(ids[i].Id, ids[i].Version, Edit(contacts[i]));
        var incremental = await TimedAsync(() => engine.RunAsync(options));

        var listed = await new CardDavStore(http, new CardDavTarget(collection, User, "x")).ListChangesAsync(null);
        if (listed.Changed.Count != contacts.Count) throw new InvalidOperationException($"the address book holds {listed.Changed.Count} cards, not {contacts.Count}");
        var edited = await remote.GetManyAsync([.. listed.Changed.Select(v => v.Id)]);
        var editedCount = edited.Count(i => i.Item[ContactFields.JobTitle] == "Changed");
        if (editedCount != changed.Count) throw new InvalidOperationException($"{editedCount} changed cards arrived, not {changed.Count}");
        return (initial, incremental);
    }

    static async Task<double> TimedAsync(Func<Task<RunReport>> run)
    {
        var clock = Stopwatch.StartNew();
        var report = await run();
        if (report.Errors.Count > 0 || report.StoppedBy is not null)
            throw new InvalidOperationException($"sync failed: {report.StoppedBy} {string.Join("; ", report.Errors.Take(3))}");
        return clock.Elapsed.TotalSeconds;
    }

    static async Task<(double Initial, double Incremental)> VdirsyncerAsync(string work, string collection, List<FieldMap> contacts, List<int> changed)
    {
        var vcf = Directory.CreateDirectory(Path.Combine(work, "vcf")).FullName;
        string File(int i) => Path.Combine(vcf, $"card{i:00000}.vcf");
        for (var i = 0; i < contacts.Count; i++) await System.IO.File.WriteAllTextAsync(File(i), VCardWriter.Write(contacts[i], $"card{i:00000}"));
        // vdirsyncer (collections = null) syncs into an existing collection: create it as an empty address book.
        using (var http = new HttpClient()) await new CardDavStore(http, new CardDavTarget(collection, User, "x")).ListChangesAsync(null);
        var config = Path.Combine(work, "vdirsyncer.conf");
        await System.IO.File.WriteAllTextAsync(config, $"""
            [general]
            status_path = "{Path.Combine(work, "status")}/"

            [pair bench]
            a = "local"
            b = "radicale"
            collections = null
            conflict_resolution = "a wins"

            [storage local]
            type = "filesystem"
            path = "{vcf}/"
            fileext = ".vcf"

            [storage radicale]
            type = "carddav"
            url = "{collection}"
            username = "{User}"
            password = "x"
            """);
        var initial = await TimedAsync("vdirsyncer", "-c", config, "discover") + await TimedAsync("vdirsyncer", "-c", config, "sync");
        foreach (var i in changed) await System.IO.File.WriteAllTextAsync(File(i), VCardWriter.Write(Edit(contacts[i]), $"card{i:00000}"));
        var incremental = await TimedAsync("vdirsyncer", "-c", config, "sync");
        return (initial, incremental);
    }

    static async Task<double> TimedAsync(string command, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        using var p = Start(command, args);
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{command} {string.Join(' ', args)} exited {p.ExitCode}: {await errors}{await output}");
        return clock.Elapsed.TotalSeconds;
    }

    static FieldMap Generate(int i)
    {
        string[] given = ["Zoë", "Łukasz", "Małgorzata", "Jürgen", "Ana", "Søren", "Élodie", "Piotr"];
        string[] surname = ["Nowak", "Wiśniewski", "Müller", "Dvořák", "García", "Kowalczyk", "Öztürk", "Smith"];
        var c = new Contact
        {
            GivenName = given[i % given.Length], Surname = $"{surname[i / 8 % surname.Length]}{i}",
            CompanyName = $"Firma {i % 50}", Department = "Sprzedaż", JobTitle = "Handlowiec",
            Emails = [$"contact{i}@example.com"], MobilePhones = [$"+48 600 {i / 1000 % 1000:000} {i % 1000:000}"],
            BusinessAddress = new PostalAddress($"ul. Długa {i % 200}", "Kraków", null, "30-001", "PL"),
            Notes = i % 10 == 0 ? "Klient; ważny, od 2019\nzadzwonić" : null,
        };
        return c.ToFieldMap();
    }

    static FieldMap Edit(FieldMap item) => item.With(ContactFields.JobTitle, "Changed");

    static Process Start(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        var p = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {command}");
        p.StandardInput.Close();
        return p;
    }

    static string Version(string command, string arg)
    {
        using var p = Start(command, arg);
        var text = (p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd()).Trim();
        p.WaitForExit();
        return text.Split('\n')[0];
    }

    static async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 300; i++)
        {
            try { using var c = new TcpClient(); await c.ConnectAsync(IPAddress.Loopback, port); return; }
            catch (SocketException) { await Task.Delay(100); }
        }
        throw new InvalidOperationException($"radicale did not listen on {port}");
    }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    static int Arg(string[] args, int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
}
