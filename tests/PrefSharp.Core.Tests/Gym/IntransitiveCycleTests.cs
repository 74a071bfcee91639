using PrefSharp.Core.Data;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Core.Ranking.Intransitive;

namespace PrefSharp.Core.Tests.Gym;

public sealed class IntransitiveCycleTests
{
    [Fact]
    public void Sampled_demonstrations_judged_by_a_Bradley_Terry_annotator_form_the_style_cycle()
    {
        var world = new IntransitiveWorld();
        var samples = GymSampler.Sample(world, 400, 4, seed: 13);
        var judgements = GymAnnotation.Annotate(world, samples, [new SimulatedAnnotator("bt")], seed: 1);
        string Style(GymSample s) => IntransitiveWorld.StyleOf(ResponseTokens.Words(s.Response))!;
        var battles = judgements.Where(j => Style(j.A) != Style(j.B))
            .Select(j => new Battle(Style(j.A), Style(j.B), j.Outcome)).ToList();
        var cycles = CondorcetCycleFinder.FindThreeCycles(PreferenceMatrix.FromBattles(battles));
        var cycle = Assert.Single(cycles);
        // formal ≻ casual ≻ poetic ≻ formal, reported from its smallest item index, whichever style was seen first.
        string[] order = [cycle.First, cycle.Second, cycle.Third];
        var start = Array.IndexOf(order, "formal");
        Assert.Equal(["formal", "casual", "poetic"], [order[start], order[(start + 1) % 3], order[(start + 2) % 3]]);
        // Content is independent of style, so each edge is won about σ(2) ≈ 0.88 of the time: margin ≈ 0.76.
        Assert.True(cycle.Strength > 0.5, $"cycle strength {cycle.Strength}");
    }
}
