using PrefSharp.Core.Data;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Core.Tests.Gym;

/// <summary>Gym data written with PrefSharp's writers reads back through <see cref="PreferenceFileReader"/> unchanged.</summary>
public sealed class GymRecordsRoundTripTests
{
    private static readonly IWorld World = new SortingWorld();
    private static readonly IReadOnlyList<GymSample> Samples = GymSampler.Sample(World, 20, 4, seed: 3);

    [Fact]
    public void Samples_round_trip_through_TRL_prompt_completion_JSONL()
    {
        using var folder = new TempFolder();
        var path = folder.Path("samples.jsonl");
        TrlJsonlWriter.Write(path, GymRecords.ToUnpaired(World, Samples));
        var records = PreferenceFileReader.ReadAll(path);
        Assert.All(records, r => Assert.IsType<UnpairedJudgement>(r));
        Assert.Equal(Samples, GymRecords.FromRecords(World, records));
        // The label is "at least the prompt's mean gold utility"; the exact sort is always desirable.
        var unpaired = records.Cast<UnpairedJudgement>().ToList();
        Assert.All(unpaired.Where(u => World.GoldUtility(u.Prompt.Text!, u.Completion.Text!) == 1), u => Assert.True(u.IsDesirable));
        Assert.Equal("sorting", unpaired[0].Metadata![GymRecords.WorldKey]);
    }

    [Fact]
    public void Pairs_round_trip_with_gold_scores_annotator_ids_and_policies()
    {
        using var folder = new TempFolder();
        var judgements = GymAnnotation.Annotate(World, Samples, AnnotatorSpec.Parse("x:tie=0.05;y:flip=0.1"), seed: 5);
        var pairs = GymRecords.ToPairs(World, judgements).ToList();
        var path = folder.Path("pairs.jsonl.gz");
        TrlJsonlWriter.Write(path, pairs);
        var read = PreferenceFileReader.ReadAll(path).Cast<PreferencePair>().Select(p => p with { Location = default }).ToList();
        Assert.Equal(pairs, read);
        Assert.All(read, p => Assert.Equal(World.GoldUtility(p.Prompt.Text!, p.Chosen.Text!), p.ScoreChosen));
        Assert.All(read, p => Assert.Contains(p.AnnotatorId, new[] { "x", "y" }));
        Assert.Contains(read, p => p.IsTie);
    }

    [Fact]
    public void Battles_round_trip_and_leave_out_a_policy_against_itself()
    {
        using var folder = new TempFolder();
        var judgements = GymAnnotation.Annotate(World, Samples, [new SimulatedAnnotator("judge")], seed: 5);
        var battles = GymRecords.ToBattles(judgements).ToList();
        Assert.True(battles.Count < judgements.Count);
        Assert.All(battles, b => Assert.NotEqual(b.ItemA, b.ItemB));
        var path = folder.Path("battles.jsonl");
        BattleJsonlWriter.Write(path, battles);
        var read = PreferenceFileReader.ReadAll(path).Cast<Battle>().ToList();
        Assert.Equal(battles.Count, read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            Assert.Equal(battles[i] with { Metadata = null }, read[i] with { Location = default, Metadata = null });
            Assert.Equal(battles[i].Metadata, read[i].Metadata);
        }
    }

    [Fact]
    public void Sampling_is_deterministic_for_a_seed_and_mixes_quality_levels()
    {
        Assert.Equal(Samples, GymSampler.Sample(World, 20, 4, seed: 3));
        Assert.NotEqual(Samples, GymSampler.Sample(World, 20, 4, seed: 4));
        Assert.Equal(GymSampler.DefaultQualities.Select(GymSampler.PolicyName).Order(), Samples.Select(s => s.Policy).Distinct().Order());
        Assert.Equal(20, Samples.Select(s => s.PromptId).Distinct().Count());
        Assert.All(Samples, s => Assert.Equal(World.GoldUtility(s.Prompt, s.Response), s.GoldUtility));
    }
}
