using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

/// <summary>The 58 AlpacaEval 2 annotation files (805 instructions each) and the compact battles derived from them.</summary>
public sealed class AlpacaEvalDataTests
{
    private const string Baseline = "gpt4_1106_preview";

    /// <summary>Files with fewer than the 805 instructions (counted with python3: len(json.load(gzip.open(f)))).</summary>
    private static readonly Dictionary<string, int> ShortFiles = new()
    {
        ["alpaca-7b_concise"] = 804, ["alpaca-7b_verbose"] = 802, ["gpt35_turbo_instruct"] = 804,
        ["minotaur-13b"] = 804, ["phi-2"] = 803, ["text_davinci_001"] = 803,
    };

    [SharedDataFact]
    public void Every_annotation_file_has_805_battles_against_the_baseline()
    {
        var files = Directory.GetFiles(SharedData.Path("pairs/alpaca-eval"), "*.json.gz");
        Assert.Equal(58, files.Length);
        foreach (var file in files)
        {
            var reader = new PreferenceFileReader(file, new ReadOptions { SkipInvalid = true });
            var battles = reader.Cast<Battle>().ToList();
            Assert.Equal("alpaca-eval", reader.Format?.Name);
            var model = Path.GetFileName(file)[..^".json.gz".Length];
            Assert.Equal(ShortFiles.GetValueOrDefault(model, 805), battles.Count + reader.Skipped.Total);
            Assert.All(battles, battle => Assert.Equal(Baseline, battle.ItemA));
            if (Path.GetFileName(file) == Baseline + ".json.gz")
            {
                // The baseline's own file compares it with itself: every record is a self-comparison, and a record.
                Assert.Equal(805, battles.Count(battle => battle.ItemB == Baseline));
            }
        }
    }

    [SharedDataFact]
    public void A_full_annotation_matches_its_compact_battle()
    {
        // alpaca-7b.json.gz[0]: preference 1.0000001827, len(output_1) 2104, len(output_2) 147, dataset helpful_base.
        var full = (Battle)PreferenceFileReader.ReadAll(SharedData.Path("pairs/alpaca-eval/alpaca-7b.json.gz"))[0];
        var compact = new PreferenceFileReader(SharedData.Path("battles/alpaca-eval2-weighted-compact.jsonl.gz"), new ReadOptions { SkipInvalid = true })
            .Cast<Battle>().First(battle => battle.ItemB == "alpaca-7b");

        Assert.Equal(("gpt4_1106_preview", "alpaca-7b", "0"), (full.ItemA, full.ItemB, full.QuestionId));
        Assert.Equal(2 - 1.0000001827, full.ScoreA, 12);
        Assert.Equal(BattleOutcome.A, full.Outcome);
        Assert.Equal("weighted_alpaca_eval_gpt4_turbo", full.Judge);
        Assert.Equal("helpful_base", full.Metadata!["dataset"]);
        Assert.StartsWith("What are the names of some famous actors that star", full.Prompt!.Text);
        Assert.Equal(2104, full.StyleA!["length"]);
        Assert.Equal(147, full.StyleB!["length"]);
        Assert.Equal((full.ItemA, full.ItemB, full.QuestionId, full.ScoreA, full.Outcome), (compact.ItemA, compact.ItemB, compact.QuestionId, compact.ScoreA, compact.Outcome));
        Assert.Equal(full.StyleA, compact.StyleA);
        Assert.Equal(full.StyleB, compact.StyleB);
    }
}
