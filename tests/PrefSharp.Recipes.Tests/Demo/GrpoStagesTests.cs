using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.Demo;
using PrefSharp.Recipes.Demo.Stages;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Recipes.Tests.Demo;

public class GrpoStagesTests
{
    /// <summary>Stands in for the sft stage: a tiny random Llama with the byte-level tokenizer, handed on as the SFT checkpoint.</summary>
    private sealed class TinySftStage : IDemoStage
    {
        public string Name => "sft";

        public DemoStage Run(DemoContext context)
        {
            manual_seed(1);
            var folder = Path.Combine(context.StageFolder(Name), "policy");
            var config = new ModelConfig
            {
                Family = ModelFamily.Llama, VocabSize = 257, HiddenSize = 16, NumLayers = 1, NumHeads = 2, NumKeyValueHeads = 2,
                IntermediateSize = 32, MaxPositions = 64, TieWordEmbeddings = true, InitializerRange = 0.02, EosTokenIds = [256], PadTokenId = 256,
            };
            using var model = CausalLM.Create(config);
            Checkpoint.Save(model, folder);
            TokenizerFiles.SaveByteLevel(new ByteLevelTokenizer(), folder);
            context.Products.SftCheckpoint = folder;
            return new DemoStage { Name = Name, Status = DemoStageStatus.Ok };
        }
    }

    [Fact]
    public void Grpo_and_pref_grpo_run_with_equal_budgets_and_the_second_draws_both_curves()
    {
        var settings = new GrpoDemoSettings { Steps = 4, GroupSize = 4, PromptsPerStep = 2, MaxNewTokens = 6, CurvePoints = 2, Prompts = 16 };
        var options = new DemoOptions { World = WorldCatalog.Get("sorting"), OutputFolder = Directory.CreateTempSubdirectory("demo-grpo").FullName, Prompts = 20, Quick = true };
        var summary = DemoPipeline.Run(options, [new TinySftStage(), new GrpoStage(settings), new PrefGrpoStage(settings)]);

        var grpo = summary.Stages.Single(s => s.Name == "grpo");
        var pref = summary.Stages.Single(s => s.Name == "pref-grpo");
        Assert.True(grpo.Status == DemoStageStatus.Ok, grpo.Narrative);
        Assert.True(pref.Status == DemoStageStatus.Ok, pref.Narrative);
        Assert.Contains("bag-of-words", grpo.Narrative);                     // no reward-model stage ran: the fallback says so
        Assert.Equal(4, grpo.Metrics["steps"]);
        Assert.Equal(grpo.Metrics["steps"], pref.Metrics["steps"]);           // equal compute
        var both = Assert.Single(pref.Charts);
        Assert.Equal(4, both.Series.Count);                                  // gold and proxy of each run
        Assert.All(both.Series, s => Assert.Equal(3, s.X.Count));           // step 0 + 2 windows
        Assert.InRange(both.Series[0].X[0], -1e-3, 1e-3);                    // step 0 is the SFT policy itself: KL 0
        Assert.Contains("Pref-GRPO", pref.Narrative);
        Assert.Contains("gold lost after its peak", pref.Narrative);
        Assert.True(File.Exists(Path.Combine(options.OutputFolder, "grpo", "policy", "config.json")));
        Assert.True(File.Exists(Path.Combine(options.OutputFolder, "grpo", "policy-final", "config.json")));
        // Four steps of a random tiny model at lr 3e-4 stay far below the 1-nat budget: the kept policy is the last one,
        // so the row and the end-of-budget numbers agree (same policy, same held-out prompts and seed).
        Assert.Equal(4, grpo.Metrics["kept_step"]);
        Assert.Equal(1.0, grpo.Metrics["kl_budget"]);
        Assert.Equal(grpo.GoldUtility!.Value, grpo.Metrics["heldout_gold_final"], 12);
        Assert.Contains("reached the budget of 1 nats", grpo.Narrative);
        var variants = grpo.Charts[1];                                       // plain, worst-case ensemble, PAR: gold each
        Assert.Equal(["GRPO", "GRPO + WCO ensemble", "GRPO + PAR"], variants.Series.Select(x => x.Name));
        Assert.Equal(grpo.Metrics["gold_end"], grpo.Metrics["variants/plain_gold_end"]);
        Assert.Contains("PAR", grpo.Narrative);
    }

    [Fact]
    public void Without_the_sft_policy_both_stages_say_why()
    {
        var options = new DemoOptions { World = WorldCatalog.Get("sorting"), OutputFolder = Directory.CreateTempSubdirectory("demo-grpo-none").FullName, Prompts = 10 };
        var summary = DemoPipeline.Run(options, [new GrpoStage(), new PrefGrpoStage()]);
        Assert.All(summary.Stages.Where(s => s.Name.Contains("grpo")), s =>
        {
            Assert.Equal(DemoStageStatus.NotAvailable, s.Status);
            Assert.Contains("SFT policy", s.Narrative);
        });
    }
}
