using System.Diagnostics;
using System.Globalization;
using ContactSync.Devices.CardDav;
using ContactSync.Engine.InMemory;
using ContactSync.Engine.Items;
using ContactSync.Engine.Ports;
using ContactSync.Engine.Sync;

namespace ContactSync.Bench;

/// <summary>
/// Our engine (SyncEngine, an in-memory hub → CardDavStore, export) against Debian's vdirsyncer (a filesystem storage
/// holding the same cards as .vcf files → a second collection), both into an empty collection of one Radicale, then again
/// after 1% of the contacts changed. Both sides start from the same vCard text, each run includes the tool's own change
/// detection, and both results are checked (every card there, every change arrived).
/// Fairness: one Radicale process, same settings, for both (<see cref="RadicaleServer"/>): storage on tmpfs and the
/// <see cref="RadicaleUidIndex"/> storage plugin, because stock 3.1.8 reads every card of the collection on each new
/// card's PUT (its no-uid-conflict check) and sweeps its caches after each write: ~34 µs per stored card, 171 ms per PUT
/// at 5,000, so a 5,000-card fill takes ~7 min per side whatever the client and would measure only Radicale ("stock"
/// runs it anyway: 460.6 s vs 454.5 s at 5,000). Both clients send one PUT per new card and one per changed card; with
/// the plugin a PUT costs Radicale ~1.3 ms in-process and ~2.6 ms over HTTP (a thread, a connection and a storage-wide
/// flock per request; it also pretty-prints every request's environ whatever the log level), whatever the parallelism.
/// What is ours: a bounded number of requests in flight (4 by default: 1 to 6 measure the same on a quiet machine, 4
/// hides our own scheduling delays on a busy one; Radicale stops accepting at 8 open connections and its listen backlog
/// is 5, so 8 costs SYN retries of 1 s), one connection per request (Radicale answers HTTP/1.0
/// and closes), the incremental sync from sync-collection and one multiget for the changed cards' current text.
/// vdirsyncer 0.19 runs its actions one at a time and lists the whole collection (PROPFIND) on every sync.
/// Args (optional): contacts (5000), PUT parallelism (4), engine batch size (100), "stock" for unmodified Radicale storage
/// (anything else: the plugin), rounds (1; the RESULT lines are then medians and the spread is printed).
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
        var stock = args.Length > 3 && args[3] == "stock";
        var rounds = Arg(args, 4, 1);
        var work = Directory.CreateTempSubdirectory("carddav-bench-").FullName;
        await using var radicale = await RadicaleServer.StartAsync(stock);
        try
        {
            var baseUrl = $"{radicale.Url}/{User}";
            var contacts = Enumerable.Range(0, count).Select(Generate).ToList();
            var changed = Enumerable.Range(0, count / 100).Select(i => i * 100 + 7).ToList();
            Console.WriteLine($"carddav: {count} contacts, {changed.Count} changed, {rounds} round(s); Radicale {radicale.Describe}; " +
                $"{VdirsyncerRun.Version()}; ours: PUT parallelism {parallelism}, engine batch {batch}");

            var clock = Stopwatch.StartNew();
            var ours = new List<(double Initial, double Incremental)>();
            var theirs = new List<(double Initial, double Incremental)>();
            for (var r = 1; r <= rounds; r++)
            {
                // Each round fills fresh collections; the order alternates so neither side always runs on a warmer server.
                async Task Ours() => ours.Add(await OursAsync($"{baseUrl}/ours{r}/", contacts, changed, parallelism, batch));
                async Task Theirs() => theirs.Add(await VdirsyncerRun.RunAsync(Directory.CreateDirectory(Path.Combine(work, $"r{r}")).FullName,
                    $"{baseUrl}/vdir{r}/", User, contacts, changed, Edit));
                if (r % 2 == 1) { await Ours(); await Theirs(); } else { await Theirs(); await Ours(); }
                Console.WriteLine($"round {r}: ours initial {ours[^1].Initial:0.00} s, incremental {ours[^1].Incremental:0.00} s; " +
                    $"vdirsyncer initial {theirs[^1].Initial:0.00} s, incremental {theirs[^1].Incremental:0.00} s ({clock.Elapsed.TotalSeconds:0} s in)");
            }

            var (oursInitial, oursIncremental) = (Median(ours.Select(o => o.Initial)), Median(ours.Select(o => o.Incremental)));
            var (theirsInitial, theirsIncremental) = (Median(theirs.Select(o => o.Initial)), Median(theirs.Select(o => o.Incremental)));
            if (rounds > 1)
                Console.WriteLine($"medians of {rounds}; spread (min-max): ours initial {Spread(ours.Select(o => o.Initial))}, incremental " +
                    $"{Spread(ours.Select(o => o.Incremental))}; vdirsyncer initial {Spread(theirs.Select(o => o.Initial))}, incremental " +
                    $"{Spread(theirs.Select(o => o.Incremental))}");
            Result.Print("carddav_initial_s", oursInitial, "s");
            Result.Print("vdirsyncer_initial_s", theirsInitial, "s");
            Result.Print("carddav_vs_vdirsyncer", oursInitial / theirsInitial);
            Result.Print("carddav_incremental_s", oursIncremental, "s");
            Result.Print("vdirsyncer_incremental_s", theirsIncremental, "s");
            Result.Print("carddav_vs_vdirsyncer_incremental", oursIncremental / theirsIncremental);
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    static string Spread(IEnumerable<double> values) => FormattableString.Invariant($"{values.Min():0.00}-{values.Max():0.00} s");

    static async Task<(double Initial, double Incremental)> OursAsync(string collection, List<FieldMap> contacts, List<int> changed, int parallelism, int batch)
    {
        // Radicale answers HTTP/1.0 without keep-alive and closes each connection; .NET keeps such connections pooled
        // and sent ~10% of our requests down one the server was closing (an empty answer, resent). No pooled lifetime
        // means one connection per request, as the server wants and as vdirsyncer (aiohttp) does.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = parallelism * 2, PooledConnectionLifetime = TimeSpan.Zero });
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

    static int Arg(string[] args, int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
}
