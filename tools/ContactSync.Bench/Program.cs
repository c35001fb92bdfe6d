using ContactSync.Bench;

// Benchmarks are found by reflection so that each lives in its own file and none edits a shared list.
var all = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var bench = args.Length > 0 ? all.FirstOrDefault(b => b.Name == args[0]) : null;
if (bench is null)
{
    Console.Error.WriteLine("usage: ./bench.sh <name> [args]\n\nbenchmarks:");
    foreach (var b in all) Console.Error.WriteLine($"  {b.Name,-16} {b.Description}");
    return 2;
}
await bench.RunAsync(args[1..]);
return 0;
