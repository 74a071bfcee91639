using PrefSharp.Torch.Losses.Preference;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Losses;

public sealed class PreferenceLossErrorTests
{
    [Fact]
    public void A_loss_missing_an_input_names_the_field()
    {
        using var chosen = tensor(new[] { -1.0 });
        using var rejected = tensor(new[] { -2.0 });
        var inputs = new PreferenceLossInputs(chosen, rejected);
        var error = Assert.Throws<ArgumentException>(() => PreferenceLoss.Compute(PreferenceLossType.Ipo, inputs, new PreferenceLossOptions()));
        Assert.Contains("ChosenTokens", error.Message);
        error = Assert.Throws<ArgumentException>(() => PreferenceLoss.Compute(PreferenceLossType.Irepo, inputs, new PreferenceLossOptions()));
        Assert.Contains("SoftLabels", error.Message);
    }

    [Theory]
    [InlineData("Beta")]
    [InlineData("LabelSmoothing")]
    [InlineData("LdAlpha")]
    public void Options_out_of_range_name_the_option(string option)
    {
        var options = option switch
        {
            "Beta" => new PreferenceLossOptions { Beta = 0 },
            "LabelSmoothing" => new PreferenceLossOptions { LabelSmoothing = 0.5 },
            _ => new PreferenceLossOptions { LdAlpha = 1.5 },
        };
        var error = Assert.Throws<ArgumentException>(() => options.Validate());
        Assert.Contains(option, error.Message);
    }
}
