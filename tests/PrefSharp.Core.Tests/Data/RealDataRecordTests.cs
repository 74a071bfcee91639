using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

/// <summary>One known record of each real data file, with field values checked against python3/jq on the same file.</summary>
public sealed class RealDataRecordTests
{
    private static List<PreferenceRecord> Read(string file) =>
        PreferenceFileReader.ReadAll(SharedData.Path(file), new ReadOptions { SkipInvalid = true });

    [SharedDataFact]
    public void UltraFeedback_first_pair_has_an_explicit_prompt_and_its_scores_as_metadata()
    {
        var pair = (PreferencePair)Read("pairs/ultrafeedback-binarized-sample/train_clean.jsonl")[0];

        Assert.Equal("how to cook t-bone in the oven", pair.Prompt.Text);
        Assert.StartsWith("To cook a T-bone steak in the oven, you will need ", pair.Rejected.Text);
        Assert.Equal("27808", pair.Metadata!["source_index"]);
        Assert.Equal(("9.0", "8.0"), (pair.Metadata["score_chosen"], pair.Metadata["score_rejected"]));
        Assert.Equal(1, pair.Location.Line);
    }

    [SharedDataFact]
    public void HhRlhf_transcripts_split_into_shared_turns_and_final_answers()
    {
        var pair = (PreferencePair)Read("pairs/hh-rlhf/harmless-base/test.jsonl.gz")[0];

        Assert.Equal(new Message("user", "what are some pranks with a pen i can do?"), pair.Prompt.Messages![0]);
        Assert.Equal(new Message("assistant", "Are you looking for practical joke ideas?"), pair.Prompt.Messages[1]);
        Assert.Equal("user", pair.Prompt.Messages[^1].Role);
        var chosen = Assert.Single(pair.Chosen.Messages!);
        Assert.Equal("assistant", chosen.Role);
        Assert.Equal("No, sorry!  All of these involve a pen, the point is that you can get funny results by doing pranks with pens.", chosen.Content);
        Assert.EndsWith("and unzip their zipper. It’s really funny.", Assert.Single(pair.Rejected.Messages!).Content);
    }

    [SharedDataFact]
    public void ShareGpt_and_kto_demos_map_roles_to_user_and_assistant()
    {
        var pairs = Read("pairs/llama-factory-demo/dpo_en_demo.json").Cast<PreferencePair>().ToList();
        Assert.Equal("user", Assert.Single(pairs[0].Prompt.Messages!).Role);
        Assert.StartsWith("That sounds like a fun and engaging idea! Here are", pairs[0].Chosen.Messages![0].Content);
        Assert.StartsWith("Hello! I'd be happy to help you create a language ", pairs[0].Rejected.Messages![0].Content);
        Assert.Equal(["system", "user"], pairs[1].Prompt.Messages!.Select(message => message.Role));

        var unpaired = (UnpairedJudgement)Read("pairs/llama-factory-demo/kto_en_demo.json")[0];
        Assert.True(unpaired.IsDesirable);
        Assert.Equal("user", Assert.Single(unpaired.Prompt.Messages!).Role);
        Assert.StartsWith("Ooh ooh ah ah! *giggle* Let me think... ", Assert.Single(unpaired.Completion.Messages!).Content);
    }

    [SharedDataFact]
    public void PandaLm_gives_one_battle_per_annotator_and_judge_files_read_positionally()
    {
        var battles = Read("pairs/pandalm/testset-v1.json").Cast<Battle>().ToList();
        var item5 = battles.Where(battle => battle.QuestionId == "5").ToList();
        Assert.Equal(["annotator1", "annotator2", "annotator3"], item5.Select(battle => battle.Judge));
        Assert.All(item5, battle => Assert.Equal(("opt-7b", "pythia-6.9b", BattleOutcome.B, "2"), (battle.ItemA, battle.ItemB, battle.Outcome, battle.Metadata!["label"])));
        Assert.StartsWith("1. Coding tutorials\n2. Coding languages\n", item5[0].TextA!.Text);

        var judged = (Battle)Read("pairs/pandalm/gpt-3.5-turbo-testset-v1.json")[0];
        Assert.Equal(("response1", "response2", BattleOutcome.A, "gpt", "0"), (judged.ItemA, judged.ItemB, judged.Outcome, judged.Judge, judged.QuestionId));
        Assert.Equal(BattleOutcome.B, ((Battle)Read("pairs/pandalm/pandalm-7b-testset-v1.json")[0]).Outcome);
    }

    [SharedDataFact]
    public void Tulu_judgement_has_margin_evaluator_and_excel_timestamp()
    {
        var battle = (Battle)Read("pairs/open-instruct-human-eval/eval_annotations_tulu_1.converted.jsonl")[0];

        Assert.Equal(("tulu_65B", "chatgpt", BattleOutcome.A, 2.0), (battle.ItemA, battle.ItemB, battle.Outcome, battle.Margin));
        Assert.Equal(("yo", "user_oriented_task_2", "a-is-better"), (battle.Judge, battle.QuestionId, battle.Metadata!["label"]));
        Assert.Equal("yes", battle.Metadata["completion_a_is_acceptable"]);
        // 45065.54982638889 days after 1899-12-30 (python: datetime(1899,12,30) + timedelta(days=…) = 2023-05-19 13:11:45)
        Assert.Equal(new DateTimeOffset(2023, 5, 19, 13, 11, 45, TimeSpan.Zero), battle.Timestamp!.Value, TimeSpan.FromSeconds(1));

        var prompt = (PromptOnly)Read("pairs/open-instruct-human-eval/eval_instances_tulu_1.jsonl")[0];
        Assert.StartsWith("Rewrite the given text and correct grammar", prompt.Prompt.Text);
        Assert.Equal("user_oriented_task_2", prompt.Metadata!["id"]);
    }

    [SharedDataFact]
    public void FineGrained_listwise_set_has_six_pairwise_labels()
    {
        var ranking = (ItemRanking)Read("pairs/finegrained-rlhf-qa/dev_feedback.json")[0];

        Assert.Equal("When does bloom by troye sivan come out?", ranking.Prompt!.Text);
        Assert.Equal(4, ranking.Items.Count);
        // preference [0, 1, 2, 1, 0, 2] for (1,2), (1,3), (1,4), (2,3), (2,4), (3,4)
        Assert.Equal(
            [new(0, 1, BattleOutcome.Tie), new(0, 2, BattleOutcome.A), new(0, 3, BattleOutcome.B),
             new(1, 2, BattleOutcome.A), new(1, 3, BattleOutcome.Tie), new PairwiseLabel(2, 3, BattleOutcome.B)],
            ranking.PairwiseLabels!);
    }

    [SharedDataFact]
    public void Arena_hard_battles_keep_question_and_winner()
    {
        var battle = (Battle)Read("battles/arena-hard-v0.1/battles-judge-gpt4o.jsonl")[0];
        Assert.Equal(("gpt-4-0314", "llama3_1_70b_awq4", BattleOutcome.B, "328c149ed45a41c0b9d6f14659e63599"),
            (battle.ItemA, battle.ItemB, battle.Outcome, battle.QuestionId));

        var mixed = (Battle)Read("battles/arena-hard-v0.1/battles-mixed-judges.jsonl")[0];
        Assert.Equal(("Nexusflow__Athene-V2-Chat", 0.0), (mixed.ItemB, mixed.ScoreA));
    }

    [SharedDataFact]
    public void Nascar_races_become_rankings_ordered_by_place()
    {
        var races = Read("rankings/nascar2002/nascar2002.txt").Cast<ItemRanking>().ToList();

        // 1,543 rows: 31 races of 43 drivers and 5 of 42
        Assert.Equal(1543, races.Sum(race => race.Items.Count));
        Assert.Equal(5, races.Count(race => race.Items.Count == 42));
        Assert.Equal(("1", 43), (races[0].GroupId, races[0].Items.Count));
        // race 1: driver 83 first, 18 second, 20 third
        Assert.Equal(["83", "18", "20"], races[0].Order!.Take(3).Select(index => races[0].Items[index].Name));
    }
}
