using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

/// <summary>
/// Every data file in ../shared/data/pairs, battles and rankings read through the auto-detecting reader, with the
/// record count and the records it must skip (counts verified with python3 on the same files).
/// </summary>
public sealed class RealDataCountTests
{
    public static TheoryData<string, string, long, string> Files => new()
    {
        // file, detected format, records, skipped by reason ("" for none)
        { "pairs/ultrafeedback-binarized-sample/eval_clean.jsonl", "trl", 199, "chosen identical to rejected=1" },
        { "pairs/ultrafeedback-binarized-sample/train_clean.jsonl", "trl", 994, "chosen identical to rejected=4; empty text=2" },
        { "pairs/hh-rlhf/harmless-base/test.jsonl.gz", "hh-rlhf", 2308, "empty text=4" },
        { "pairs/llama-factory-demo/dpo_en_demo.json", "sharegpt", 300, "" },
        { "pairs/llama-factory-demo/kto_en_demo.json", "trl", 300, "" },
        { "pairs/pandalm/testset-v1.json", "pandalm", 999 * 3, "" },
        { "pairs/pandalm/gpt-3.5-turbo-testset-v1.json", "pandalm-judge", 974, "unknown label=25" },
        { "pairs/pandalm/pandalm-7b-testset-v1.json", "pandalm-judge", 999, "" },
        { "pairs/open-instruct-human-eval/eval_annotations_tulu_1.converted.jsonl", "tulu-human-eval", 1150, "" },
        { "pairs/open-instruct-human-eval/eval_instances_tulu_1.jsonl", "trl", 996, "" },
        { "pairs/finegrained-rlhf-qa/dev_feedback.json", "listwise", 500, "" },
        { "battles/alpaca-eval2-weighted-compact.jsonl.gz", "alpaca-eval-compact", 46680, "" },
        { "battles/arena-hard-v0.1/battles-judge-gpt4o.jsonl", "arena", 26245, "" },
        { "battles/arena-hard-v0.1/battles-mixed-judges.jsonl", "arena", 14536, "" },
        { "rankings/nascar2002/nascar2002.txt", "rankings-txt", 36, "" },
        { "eval/llmbar/LLMBar-Natural.json", "llmbar", 100, "" },
        { "eval/llmbar/LLMBar-Adversarial-Neighbor.json", "llmbar", 134, "" },
        { "eval/llmbar/LLMBar-Adversarial-GPTInst.json", "llmbar", 92, "" },
        { "eval/llmbar/LLMBar-Adversarial-GPTOut.json", "llmbar", 47, "" },
        { "eval/llmbar/LLMBar-Adversarial-Manual.json", "llmbar", 46, "" },
        { "eval/llmbar/Processed-FairEval.json", "llmbar", 66, "" },
        { "eval/llmbar/Processed-MT-Bench.json", "llmbar", 200, "" },
        // item 57 has two identical outputs (item 169, a whitespace-only output, is a legitimate bad answer and stays)
        { "eval/llmbar/Processed-LLMEval-2.json", "llmbar", 199, "chosen identical to rejected=1" },
    };

    [SharedDataTheory]
    [MemberData(nameof(Files))]
    public void Reads_every_record_and_skips_only_the_known_defects(string file, string format, long records, string skipped)
    {
        var reader = new PreferenceFileReader(SharedData.Path(file), new ReadOptions { SkipInvalid = true });

        var count = reader.LongCount();

        Assert.Equal(format, reader.Format?.Name);
        Assert.Equal(records, count);
        Assert.Equal(skipped, string.Join("; ", reader.Skipped.ByReason.Select(pair => $"{pair.Key}={pair.Value}")));
    }

    [SharedDataFact]
    public void Every_data_file_is_covered_by_a_case()
    {
        var covered = Files.Select(row => (string)row[0]).Append("pairs/alpaca-eval").ToHashSet();
        var dataFiles = new[] { "pairs", "battles", "rankings" }
            .SelectMany(folder => Directory.GetFiles(SharedData.Path(folder), "*", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(SharedData.Folder!, path).Replace('\\', '/'))
            .Where(path => !path.EndsWith("LICENSE", StringComparison.Ordinal) && !path.Contains("choix-fixtures", StringComparison.Ordinal))
            .Where(path => !path.StartsWith("pairs/alpaca-eval/", StringComparison.Ordinal));

        Assert.Equal("", string.Join(", ", dataFiles.Where(path => !covered.Contains(path))));
    }

    [SharedDataFact]
    public void A_known_defect_throws_by_default_naming_file_line_and_field()
    {
        var path = SharedData.Path("pairs/ultrafeedback-binarized-sample/eval_clean.jsonl");

        var error = Assert.Throws<DataFormatException>(() => PreferenceFileReader.ReadAll(path));

        Assert.StartsWith($"{path}:44: rejected: chosen identical to rejected", error.Message);
    }
}
