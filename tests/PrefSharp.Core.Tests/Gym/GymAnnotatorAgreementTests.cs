using PrefSharp.Core.Data;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Core.Tests.Gym;

/// <summary>Simulated annotators on world samples agree with gold exactly as their settings say, within 3 standard errors.</summary>
public sealed class GymAnnotatorAgreementTests
{
    private static readonly IWorld Lexicon = new LexiconWorld();
    private static readonly IReadOnlyList<GymSample> Samples = GymSampler.Sample(Lexicon, 1500, 3, seed: 21);

    private static IReadOnlyList<GymJudgement> Judge(SimulatedAnnotator annotator, int seed = 4) =>
        GymAnnotation.Annotate(Lexicon, Samples, [annotator], seed);

    [Fact]
    public void A_perfect_judge_with_flips_agrees_with_gold_at_one_minus_the_flip_rate()
    {
        var judgements = Judge(new SimulatedAnnotator("flipper") { Temperature = 0, FlipRate = 0.15 })
            .Where(j => j.A.GoldUtility != j.B.GoldUtility).ToList();
        var agreement = judgements.Count(j => (j.Outcome == BattleOutcome.A) == (j.A.GoldUtility > j.B.GoldUtility)) / (double)judgements.Count;
        var standardError = Math.Sqrt(0.85 * 0.15 / judgements.Count);
        Assert.True(judgements.Count > 3000);
        Assert.InRange(agreement, 0.85 - 3 * standardError, 0.85 + 3 * standardError);
    }

    [Fact]
    public void Bradley_Terry_with_position_and_length_bias_wins_as_often_as_its_probabilities_say()
    {
        var annotator = new SimulatedAnnotator("biased") { Temperature = 0.7, PositionBias = 0.3, LengthBias = 0.05 };
        var judgements = Judge(annotator);
        // P(A) = σ((u_A − u_B + 0.05·(|A| − |B|) + 0.3) / 0.7) for each pair; the count of A wins is a sum of Bernoullis.
        var probabilities = judgements.Select(j => annotator.ProbabilityAWins(
            j.A.GoldUtility - j.B.GoldUtility + 0.05 * (j.A.Response.Length - j.B.Response.Length) + 0.3)).ToList();
        var expected = probabilities.Sum();
        var sd = Math.Sqrt(probabilities.Sum(p => p * (1 - p)));
        var observed = judgements.Count(j => j.Outcome == BattleOutcome.A);
        Assert.InRange(observed, expected - 3 * sd, expected + 3 * sd);
        // The biases are real: without them the expected count is far from what was observed.
        var unbiased = judgements.Sum(j => annotator.ProbabilityAWins(j.A.GoldUtility - j.B.GoldUtility));
        Assert.True(Math.Abs(observed - unbiased) > 5 * sd, $"observed {observed}, unbiased expectation {unbiased}");
    }

    [Fact]
    public void Gaps_below_the_tie_margin_are_exactly_the_ties()
    {
        var judgements = Judge(new SimulatedAnnotator("ties") { Temperature = 0, TieMargin = 0.6 });
        Assert.All(judgements, j => Assert.Equal(Math.Abs(j.A.GoldUtility - j.B.GoldUtility) < 0.6, j.Outcome == BattleOutcome.Tie));
        Assert.Contains(judgements, j => j.Outcome == BattleOutcome.Tie);
    }

    [Fact]
    public void Groups_judge_by_their_own_utility_and_every_label_names_its_annotator()
    {
        var world = new PluralisticWorld();
        var samples = GymSampler.Sample(world, 300, 3, seed: 8);
        var panel = AnnotatorSpec.Parse("brief:group=concise,temperature=0;thorough:group=detailed,temperature=0");
        var judgements = GymAnnotation.Annotate(world, samples, panel, seed: 2);
        Assert.Equal(["brief", "thorough"], judgements.Select(j => j.AnnotatorId).Distinct().Order());
        foreach (var j in judgements)
        {
            var group = j.AnnotatorId == "brief" ? PluralisticWorld.Concise : PluralisticWorld.Detailed;
            var gap = world.GroupUtility(j.A.Prompt, j.A.Response, group) - world.GroupUtility(j.B.Prompt, j.B.Response, group);
            if (gap != 0) Assert.Equal(gap > 0 ? BattleOutcome.A : BattleOutcome.B, j.Outcome);
        }
        // The groups disagree: the concise group prefers the shorter response far more often than the detailed one.
        double ShorterWins(string id) => judgements.Where(j => j.AnnotatorId == id && j.A.Response.Length != j.B.Response.Length)
            .Average(j => (j.Outcome == BattleOutcome.A) == (j.A.Response.Length < j.B.Response.Length) ? 1.0 : 0.0);
        // (Coverage counts for both groups, so neither always follows length: measured 0.65 against 0.19.)
        Assert.True(ShorterWins("brief") > 0.5 && ShorterWins("thorough") < 0.5 && ShorterWins("brief") - ShorterWins("thorough") > 0.3,
            $"{ShorterWins("brief")} {ShorterWins("thorough")}");
    }

    [Fact]
    public void Annotation_is_deterministic_for_a_seed_and_rejects_unknown_groups()
    {
        var annotator = new SimulatedAnnotator("a");
        Assert.Equal(Judge(annotator, 7).Select(j => j.Outcome), Judge(annotator, 7).Select(j => j.Outcome));
        Assert.NotEqual(Judge(annotator, 7).Select(j => j.Outcome), Judge(annotator, 8).Select(j => j.Outcome));
        var error = Assert.Throws<ArgumentException>(() => Judge(annotator with { Group = "concise" }));
        Assert.Contains("no annotator groups", error.Message);
    }

    [Theory]
    [InlineData("a:speed=3", "unknown key \"speed\"")]
    [InlineData("a:flip=lots", "not a number")]
    [InlineData("a;a", "appears twice")]
    [InlineData("a:flip=0.9", "FlipRate")]
    [InlineData(":t=1", "no annotator id")]
    public void Annotator_specs_report_what_is_wrong(string spec, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => AnnotatorSpec.Parse(spec));
        Assert.Contains(message, error.Message);
    }
}
