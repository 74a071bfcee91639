using System.CommandLine;
using PrefSharp.Core.Data;

namespace PrefSharp.Cli.Commands;

/// <summary><c>prefsharp data convert IN OUT [--to trl|battles|parquet]</c>.</summary>
public static class DataConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("IN") { Description = "The file to read (any supported format)" };
        var output = new Argument<string>("OUT") { Description = "The file to write (written atomically; .gz compresses)" };
        var target = new Option<ConvertTarget?>("--to")
        {
            Description = "trl (TRL JSONL), battles (PrefSharp battle JSONL) or parquet; default from OUT's extension and the records",
            CustomParser = result => result.Tokens.Count == 0 ? null : result.Tokens[0].Value switch
            {
                "trl" => ConvertTarget.Trl,
                "battles" => ConvertTarget.Battles,
                "parquet" => ConvertTarget.Parquet,
                var other => throw new ArgumentException($"--to: unknown target \"{other}\"; expected trl, battles or parquet"),
            },
        };
        var reading = new ReadingOptions();
        var command = new Command("convert", "Convert a preference file to TRL JSONL, PrefSharp battles or Parquet")
        {
            input,
            output,
            target,
        };
        reading.AddTo(command);
        command.SetAction(parse =>
        {
            var result = DataConverter.Convert(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(target), reading.From(parse));
            ReadingOptions.ReportSkipped(result.Skipped, result.Input, parse.InvocationConfiguration.Error);
            parse.InvocationConfiguration.Output.WriteLine(
                $"wrote {result.Written} record(s) as {result.Target.ToString().ToLowerInvariant()} to {result.Output} (read as {result.Format})");
            return 0;
        });
        return command.WithExamples(
            "prefsharp data convert ../shared/data/pairs/hh-rlhf/harmless-base/test.jsonl.gz hh.jsonl --skip-invalid",
            "prefsharp data convert ../shared/data/pairs/pandalm/testset-v1.json pandalm.battles.jsonl --to battles",
            "prefsharp data convert train.jsonl train.parquet");
    }
}
