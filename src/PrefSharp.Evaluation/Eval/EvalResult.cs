using PrefSharp.Core.Ranking;
using PrefSharp.Evaluation.Runs;

namespace PrefSharp.Evaluation.Eval;

/// <summary>
/// What <c>prefsharp eval</c> found: the Bradley–Terry leaderboard with intervals, win rates and AlpacaEval's
/// length-controlled win rate against the baseline; Chatbot Arena's style-controlled ratings; the judge's run and its
/// position bias; agreement with the gold utility where it is known; and the judge's cost where a price was given.
/// </summary>
public sealed record EvalResult(Leaderboard Ratings, Leaderboard StyleControlled, JudgeRunReport Judging, PositionBias Bias,
    GoldAgreement? Gold, double? CostUsd, int ModelsAsked);
