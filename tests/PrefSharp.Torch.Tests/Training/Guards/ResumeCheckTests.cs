using System.Text.Json;
using System.Text.Json.Nodes;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Checkpointing;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Tests.Training.Guards;

/// <summary>
/// Resume refuses options that change the trajectory, naming each with both values; allows them when asked and records
/// them in the checkpoint; lets the run's length change; and a run resumed at its last step says it is finished.
/// </summary>
public sealed class ResumeCheckTests
{
    private static TrainingOptions Options(string output) => new()
    {
        LearningRate = 1e-2, MaxSteps = 2, MicroBatchSize = 4, CheckpointEvery = 1, LogEvery = 1, Seed = 3, OutputDirectory = output,
    };

    private static string TrainTwoSteps()
    {
        var output = Directory.CreateTempSubdirectory("resume-check-").FullName;
        using var model = TinyConfigs.Create("llama", seed: 5);
        using var trainer = TrainerTests.NewTrainer(model, Options(output));
        trainer.Run();
        return output;
    }

    [Fact]
    public void Differences_name_nested_leaves_skip_the_run_length_and_treat_null_as_a_value()
    {
        var saved = JsonNode.Parse("""{"seed": 3, "max_steps": 10, "loss": {"beta": 0.04, "cap": null}, "output_directory": "a", "only_saved": 1}""");
        var given = JsonNode.Parse("""{"seed": 4, "max_steps": 20, "loss": {"beta": 0.04, "cap": 2}, "output_directory": "b"}""");
        var changes = ResumeCheck.Differences(saved, given, step: 7);
        Assert.Equal(["seed (saved 3, given 4)", "loss.cap (saved null, given 2)"], changes.Select(c => c.ToString()));
        Assert.All(changes, c => Assert.Equal(7, c.Step));
    }

    [Fact]
    public void A_changed_seed_learning_rate_and_batch_size_are_refused_with_both_values()
    {
        var output = TrainTwoSteps();
        using var model = TinyConfigs.Create("llama", seed: 5);
        using var trainer = TrainerTests.NewTrainer(model, Options(output) with { MaxSteps = 4, Seed = 4, LearningRate = 1e-3, MicroBatchSize = 2 });
        var error = Assert.Throws<ArgumentException>(() => trainer.ResumeFromLatest());
        foreach (var expected in new[] { "seed (saved 3, given 4)", "learning_rate (saved 0.01, given 0.001)", "micro_batch_size (saved 4, given 2)" })
            Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("max_steps", error.Message);
        Assert.Equal(0, trainer.Step);
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public void Resume_with_changes_continues_and_records_them_in_later_checkpoints()
    {
        var output = TrainTwoSteps();
        using var model = TinyConfigs.Create("llama", seed: 5);
        using var trainer = TrainerTests.NewTrainer(model, Options(output) with { MaxSteps = 3, Seed = 4, ResumeWithChanges = true });
        Assert.True(trainer.ResumeFromLatest());
        Assert.Equal(3, trainer.Run().Step);
        var state = TrainerState.Load(Path.Combine(CheckpointFolders.Latest(output)!, TrainerState.FileName));
        var change = Assert.Single(state.ResumeChanges!);
        Assert.Equal(new OptionChange("seed", "3", "4", 2), change);
        using var saved = JsonDocument.Parse(File.ReadAllText(Path.Combine(CheckpointFolders.Latest(output)!, TrainingCheckpoint.OptionsFileName)));
        Assert.True(saved.RootElement.GetProperty("resume_with_changes").GetBoolean());
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public void Resuming_a_finished_run_trains_nothing_and_returns_its_checkpoint_and_loss()
    {
        var output = TrainTwoSteps();
        using var model = TinyConfigs.Create("llama", seed: 5);
        using var trainer = TrainerTests.NewTrainer(model, Options(output));
        Assert.True(trainer.ResumeFromLatest());
        var result = trainer.Run();
        Assert.True(result.AlreadyFinished);
        Assert.Equal(CheckpointFolders.Latest(output), result.LastCheckpoint);
        Assert.True(double.IsFinite(result.LastLoss), $"last loss {result.LastLoss}");
        Assert.Equal(2, result.Step);
        Directory.Delete(output, recursive: true);
    }
}
