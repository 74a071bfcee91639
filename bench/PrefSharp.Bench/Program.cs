using System.Text.Json;
using PrefSharp.Bench;

// Usage: dotnet run -c Release --project bench/PrefSharp.Bench -- NAME [--seed S]
//        dotnet run -c Release --project bench/PrefSharp.Bench -- list
if (args.Length == 0 || args[0] is "list" or "--help" or "-h")
{
    Console.WriteLine("Benchmarks (run one: dotnet run -c Release --project bench/PrefSharp.Bench -- NAME):");
    foreach (var bench in BenchmarkRegistry.All)
        Console.WriteLine($"  {bench.Name,-20} {bench.Description}");
    return args.Length == 0 ? 1 : 0;
}

var benchmark = BenchmarkRegistry.Find(args[0]);
if (benchmark is null)
{
    Console.Error.WriteLine($"unknown benchmark '{args[0]}'; run with 'list' to see them");
    return 2;
}

var seed = args.Length >= 3 && args[1] == "--seed" ? int.Parse(args[2]) : 1234;
var scratch = Directory.CreateTempSubdirectory("prefsharp-bench-").FullName;
try
{
    foreach (var result in benchmark.Run(new BenchContext(scratch, seed)))
        Console.WriteLine(JsonSerializer.Serialize(result));
    return 0;
}
finally
{
    Directory.Delete(scratch, recursive: true);
}
