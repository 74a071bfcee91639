using System.CommandLine;
using PrefSharp.Cli.Output;
using PrefSharp.Core.Data;

namespace PrefSharp.Cli.Commands;

/// <summary><c>prefsharp data inspect FILE…</c>: format, counts, lengths, ties, duplicates, items and annotator agreement.</summary>
public static class DataInspectCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Preference files (.jsonl, .json, .csv, .parquet, .txt; .gz is read transparently)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output") { Description = "table or json", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json");
        var reading = new ReadingOptions();
        var command = new Command("inspect", "Describe preference files: format, records, lengths, ties, duplicates, items, annotator agreement (Cohen's and Fleiss' κ)")
        {
            files,
            output,
        };
        reading.AddTo(command);
        command.SetAction(parse =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var reports = parse.GetValue(files)!.Select(path => DataInspector.Inspect(path, reading.From(parse))).ToList();
            foreach (var report in reports)
            {
                if (parse.GetValue(output) == "json") writer.WriteLine(report.ToJson());
                else InspectionTable.Write(report, writer);
            }
            return 0;
        });
        return command.WithExamples(
            "prefsharp data inspect ../shared/data/pairs/pandalm/testset-v1.json     # agreement of 3 annotators",
            "prefsharp data inspect train.jsonl.gz --output json",
            "prefsharp data inspect dirty.jsonl --skip-invalid                       # count bad records by reason");
    }
}
