using System.CommandLine;
using PrefSharp.Recipes.RewardModels;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// The options <c>grpo</c>, <c>score</c> and <c>eval-rm</c> share for an ensemble folder (<c>train-rm --ensemble K</c>):
/// how the members' normalised rewards combine (Coste et al. 2024: mean, worst-case WCO, uncertainty-weighted UWO).
/// </summary>
internal sealed class EnsembleCli
{
    private readonly Option<string> aggregation = new("--ensemble-aggregation")
    {
        Description = "Ensemble folders (train-rm --ensemble K): mean, wco (worst case, min over members) or uwo (mean − λ·variance) of the members' normalised rewards",
        DefaultValueFactory = _ => "mean",
    };
    private readonly Option<double> lambda = new("--uwo-lambda") { Description = "λ of uwo", DefaultValueFactory = _ => Torch.Rewards.EnsembleAggregation.DefaultUncertaintyPenalty };

    public EnsembleCli() => aggregation.AcceptOnlyFromAmong("mean", "wco", "uwo");

    public void AddTo(Command command)
    {
        command.Options.Add(aggregation);
        command.Options.Add(lambda);
    }

    public RewardEnsembleChoice From(ParseResult parse) => RewardEnsembleChoice.Parse(parse.GetValue(aggregation)!, parse.GetValue(lambda));
}
