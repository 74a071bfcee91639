namespace PrefSharp.Cli.Tests;

public sealed class DoctorTests
{
    [Fact]
    public void Doctor_reports_versions_the_fix_and_a_positive_matmul_rate()
    {
        var run = CliRun.Of("doctor", "--seconds", "0.05");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("TorchSharp         0.107.0", run.Output);
        Assert.Matches(@"libtorch\s+2\.10", run.Output);
        Assert.Matches(@"compatibility fix\s+(not needed|applied)", run.Output);
        var gflops = double.Parse(System.Text.RegularExpressions.Regex.Match(run.Output, @"fp32 matmul\s+([\d.]+) GFLOP/s").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(gflops, 0.5, 1e6);
    }
}
