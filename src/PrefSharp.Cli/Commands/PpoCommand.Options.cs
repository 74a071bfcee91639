using System.CommandLine;
using PrefSharp.Cli.Commands.Training;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Ppo;

namespace PrefSharp.Cli.Commands;

public static partial class PpoCommand
{
    private static readonly Option<string> Prompts = new("--prompts") { Description = "Prompts: one per line, or any data file 'data convert' reads (each record's prompt)", Required = true };
    private static readonly Option<string> Model = new("--model") { Description = "Policy checkpoint: config.json, model.safetensors and the tokenizer (also the frozen KL reference)", Required = true };
    private static readonly Option<string> Reward = new("--reward") { Description = "Sequence reward: gym:WORLD, rm:DIR, cdr:STRONG,WEAK or flr:DIR (judge:URL with --algorithm p3o, which compares the pair)", Required = true };
    private static readonly Option<string?> Gold = new("--gold") { Description = "Gym world whose utility is logged as reward/gold (implied by --reward gym:WORLD)" };
    private static readonly Option<double> JudgeTimeout = JudgeTimeoutOption.Create();
    private static readonly Option<string?> JudgeModel = new("--judge-model") { Description = "Model name sent to the judge endpoint (key: PREFSHARP_JUDGE_API_KEY)" };
    private static readonly Option<string> Out = new("--out") { Description = "Output folder: metrics.jsonl, TensorBoard, checkpoint-STEP (policy, value/ and tokenizer)", Required = true };
    private static readonly Option<string> Algorithm = new("--algorithm")
    {
        Description = "ppo: one sample per prompt, a value model, GAE; p3o: two samples per prompt, the clipped gradient on their reward difference (RLOO with G = 2, trajectory-level clipping), no value model",
        DefaultValueFactory = _ => "ppo",
    };
    private static readonly Option<string> P3oClip = new("--p3o-clip") { Description = "P3O's clipping: separate (each sample's ratio, V1) or joint (the ratio of the pair's ratios, V2)", DefaultValueFactory = _ => "separate" };
    private static readonly Option<string> Critic = new("--critic") { Description = "Value model: head (a scalar head on the policy's last hidden state) or rm:DIR (a separate critic initialised from that reward model)", DefaultValueFactory = _ => "head" };
    private static readonly Option<int> PromptsPerStep = new("--prompts-per-step") { Description = "Prompts sampled per rollout step", DefaultValueFactory = _ => 8 };
    private static readonly Option<int> MaxCompletion = new("--max-completion-length") { Description = "Most tokens per completion", DefaultValueFactory = _ => 53 };
    private static readonly Option<double> Temperature = new("--temperature") { Description = "Sampling temperature (> 0)", DefaultValueFactory = _ => 0.7 };
    private static readonly Option<double> KlCoef = new("--kl-coef") { Description = "β: each completion token is rewarded −β·(log π − log π_ref); the sequence reward comes at the last token", DefaultValueFactory = _ => 0.05 };
    private static readonly Option<double> Gamma = new("--gamma") { Description = "γ, discount over completion tokens (1: none)", DefaultValueFactory = _ => 1.0 };
    private static readonly Option<double> Lambda = new("--lambda") { Description = "λ of GAE: 1 is Monte-Carlo returns (low bias), 0 the one-step TD error (low variance)", DefaultValueFactory = _ => 0.95 };
    private static readonly Option<bool> NoWhiten = new("--no-whiten") { Description = "Keep raw GAE advantages instead of whitening them over the rollout's tokens" };
    private static readonly Option<double> ClipRange = new("--clip-range") { Description = "ε: the policy ratio π/π_old is clipped to [1 − ε, 1 + ε]", DefaultValueFactory = _ => 0.2 };
    private static readonly Option<double> ValueClip = new("--value-clip") { Description = "A value may move this far from the rollout's before its loss is clipped", DefaultValueFactory = _ => 0.2 };
    private static readonly Option<double> ValueCoef = new("--value-coef") { Description = "Weight of the value loss beside the policy loss", DefaultValueFactory = _ => 0.1 };
    private static readonly Option<double?> KlBudget = KlBudgetOption.Create();
    private static readonly Option<int> Epochs = new("--ppo-epochs") { Description = "Passes over each rollout", DefaultValueFactory = _ => 4 };
    private static readonly Option<int> MiniBatches = new("--mini-batches") { Description = "Optimiser updates per pass, each on a slice of the rollout", DefaultValueFactory = _ => 1 };
    private static readonly Option<int> MicroBatch = new("--micro-batch-size") { Description = "Completions per forward/backward (memory only; even for p3o)", DefaultValueFactory = _ => 8 };
    private static readonly Option<bool> Resume = new("--resume") { Description = "Continue from the newest complete checkpoint in --out (same prompts, seed and options)" };
    private static readonly Option<bool> Chat = new("--chat") { Description = "Wrap prompts in the tokenizer's chat template and stop at end of turn" };

    /// <summary>The trainer's options from the flags (the recipe adds the stop and pad ids of the tokenizer).</summary>
    private static PpoTrainerOptions Options(ParseResult parse, TrainingOptions training) => new()
    {
        Algorithm = parse.GetValue(Algorithm) == "p3o" ? PpoAlgorithm.P3o : PpoAlgorithm.Ppo,
        P3oClipping = parse.GetValue(P3oClip) == "joint" ? P3oClipping.Joint : P3oClipping.Separate,
        PromptsPerStep = parse.GetValue(PromptsPerStep),
        MaxCompletionLength = parse.GetValue(MaxCompletion),
        Temperature = parse.GetValue(Temperature),
        KlCoefficient = parse.GetValue(KlCoef),
        KlBudget = parse.GetValue(KlBudget),
        Gamma = parse.GetValue(Gamma),
        Lambda = parse.GetValue(Lambda),
        WhitenAdvantages = !parse.GetValue(NoWhiten),
        Loss = new PpoLossOptions
        {
            ClipRange = parse.GetValue(ClipRange), ValueClipRange = parse.GetValue(ValueClip), ValueCoefficient = parse.GetValue(ValueCoef),
        },
        Epochs = parse.GetValue(Epochs),
        MiniBatches = parse.GetValue(MiniBatches),
        MicroBatchSize = parse.GetValue(MicroBatch),
        Training = training,
    };
}
