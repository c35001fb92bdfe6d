namespace ContactSync.Bench;

/// <summary>One benchmark, run by <c>./bench.sh &lt;Name&gt;</c>. It prints its figures as
/// <c>RESULT &lt;name&gt; &lt;value&gt; &lt;unit&gt;</c> lines through <see cref="Result.Print"/>.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task RunAsync(string[] args);
}

public static class Result
{
    public static void Print(string name, double value, string unit = "") =>
        Console.WriteLine(FormattableString.Invariant($"RESULT {name} {value:0.###} {unit}").TrimEnd());
}
