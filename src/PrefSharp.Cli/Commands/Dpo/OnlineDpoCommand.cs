using System.CommandLine;
using PrefSharp.Cli.Commands.Training;
using PrefSharp.Core.Gym;
using PrefSharp.Recipes.Online;
using PrefSharp.Torch.Training.Logging;

namespace PrefSharp.Cli.Commands.Dpo;

/// <summary>
/// <c>prefsharp online-dpo --prompts FILE --model DIR --label SPEC --out DIR</c>: iterative on-policy DPO
/// (<see cref="Torch.Training.Dpo.Online.OnlineDpo"/>). Each round samples K responses per prompt from the current
/// policy, labels them (<c>gym:WORLD</c> simulated annotators, <c>rm:DIR</c> reward model, <c>judge:URL</c> pairwise
/// judge), picks pairs (DNO best-vs-worst or RSO rejection sampling, optionally CREAM-regularised) and trains DPO;
/// the policy after round N goes to <c>OUT/round-N</c> with the tokenizer files. Training flags are the shared ones
/// (per round); loss flags are <c>dpo</c>'s.
/// </summary>
public static class OnlineDpoCommand
{
    internal static readonly Option<string> Prompts = new("--prompts") { Description = "Prompts: one per line, or any data file 'data convert' reads (each record's prompt)", Required = true };
    internal static readonly Option<string> Model = new("--model") { Description = "Policy checkpoint: config.json, model.safetensors and the tokenizer (also the fixed reference)", Required = true };
    internal static readonly Option<string> Label = new("--label") { Description = "Labeller: gym:WORLD (simulated annotators), rm:DIR (reward model, higher reward chosen), cdr:STRONG,WEAK (density ratio of two checkpoints) or flr:DIR (follow-up likelihood), higher chosen, or judge:URL (OpenAI-compatible judge, both orders)", Required = true };
    internal static readonly Option<double> JudgeTimeout = JudgeTimeoutOption.Create();
    internal static readonly Option<string?> JudgeModel = new("--judge-model") { Description = "Model name sent to the judge endpoint (key: PREFSHARP_JUDGE_API_KEY)" };
    internal static readonly Option<string> Annotators = new("--annotators") { Description = $"gym:WORLD panel: 'ID[:key=value,…];…' with keys {AnnotatorSpec.Keys}", DefaultValueFactory = _ => AnnotatorSpec.Default };
    internal static readonly Option<int> Votes = new("--votes") { Description = "gym:WORLD: annotator votes per pair (the label is the share of votes)", DefaultValueFactory = _ => 1 };
    internal static readonly Option<string?> Gold = new("--gold") { Description = "Gym world whose gold utility is reported (implied by --label gym:WORLD)" };
    internal static readonly Option<int> Rounds = new("--rounds") { Description = "Sample-label-train rounds (≥ 1)", DefaultValueFactory = _ => 2 };
    internal static readonly Option<int> SamplesPerPrompt = new("--samples-per-prompt") { Description = "Responses sampled per prompt and round K (≥ 2)", DefaultValueFactory = _ => 2 };
    internal static readonly Option<int> PromptsPerRound = new("--prompts-per-round") { Description = "Prompts per round, taken in turn from --prompts (0: all of them every round)", DefaultValueFactory = _ => 0 };
    internal static readonly Option<string> Pairs = new("--pairs") { Description = "best-worst (DNO: best vs worst of K) or rso (rejection sampling toward π·exp(r/β))", DefaultValueFactory = _ => "best-worst" };
    internal static readonly Option<double> MinMargin = new("--min-margin") { Description = "Margin filter: drop pairs whose label gap (reward or win-rate) is below this", DefaultValueFactory = _ => 0.0 };
    internal static readonly Option<double?> RsoBeta = new("--rso-beta") { Description = "RSO: β of the target π·exp(r/β)/Z (default: --beta)" };
    internal static readonly Option<int> RsoAccepted = new("--rso-accepted") { Description = "RSO: samples accepted per prompt, paired in order (even, ≤ K)", DefaultValueFactory = _ => 2 };
    internal static readonly Option<bool> Cream = new("--cream") { Description = "CREAM: soft labels C = (τ + 1)/2 from the rank agreement with what the previous round learned" };
    internal static readonly Option<string> CreamModeFlag = new("--cream-mode") { Description = "average (one C per round) or per-prompt", DefaultValueFactory = _ => "average" };
    internal static readonly Option<bool> RefreshReference = new("--refresh-reference") { Description = "DNO (Rosset et al. 2024, Alg. 2): each round's reference is the policy at the start of the round, so every round is a KL-regularised step from the last one; default: --model throughout, as in iterative DPO" };
    internal static readonly Option<double> Momentum = new("--momentum") { Description = "APO (He et al. 2024, Alg. 1): Nesterov momentum α in [0, 1) across rounds, θ ← θ̂_t+1 + α·(θ̂_t+1 − θ̂_t) after each round (the paper: 0.3); needs --refresh-reference; default 0, off", DefaultValueFactory = _ => 0.0 };
    internal static readonly Option<string> Out = new("--out") { Description = "Output folder: round-N/ policies, each round's training logs", Required = true };
    internal static readonly Option<int> MaxNewTokens = new("--max-new-tokens") { Description = "Most tokens per sampled response", DefaultValueFactory = _ => 64 };

    public static Command Create()
    {
        Pairs.AcceptOnlyFromAmong("best-worst", "rso");
        CreamModeFlag.AcceptOnlyFromAmong("average", "per-prompt");
        var training = new TrainingFlags(new(), new TrainingFlagTexts
        {
            BatchUnit = "Pairs", StepUnit = "Optimiser steps per round", MaxLength = "Truncate each prompt + response to this many tokens",
        });
        var losses = new DpoLossOptions();
        var command = new Command("online-dpo", "Iterative on-policy DPO: sample from the policy, label with a gym world, a reward model or a judge, train; repeat")
        {
            Prompts, Model, Out, Label, JudgeModel, JudgeTimeout, Annotators, Votes, Gold, Rounds, SamplesPerPrompt, PromptsPerRound, Pairs, MinMargin,
            RsoBeta, RsoAccepted, Cream, CreamModeFlag, RefreshReference, Momentum, MaxNewTokens,
        };
        losses.AddTo(command);
        training.AddTo(command);
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var progress = new ProgressReporter(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);
            OnlineDpoRecipe.Run(OnlineDpoFlags.From(parse, training, losses), parse.InvocationConfiguration.Output, progress);
            return 0;
        });
        return command.WithExamples(
            "prefsharp online-dpo --prompts prompts.txt --model runs/demo/sft/policy --label gym:sorting --votes 5 --min-margin 0.6 --rounds 3 --out runs/online",
            "prefsharp online-dpo --prompts prompts.jsonl --model runs/sft/final --label rm:runs/rm --samples-per-prompt 4 --pairs rso --out runs/rso",
            "prefsharp online-dpo --prompts prompts.txt --model runs/sft/final --label judge:http://localhost:8000/v1 --judge-model qwen --cream --out runs/cream");
    }
}
