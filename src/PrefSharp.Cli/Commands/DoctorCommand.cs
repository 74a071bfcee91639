using System.CommandLine;
using System.Runtime.InteropServices;
using PrefSharp.Torch.Runtime;
using static TorchSharp.torch;

namespace PrefSharp.Cli.Commands;

/// <summary><c>prefsharp doctor</c>: what this machine runs and how fast, and whether libtorch works here.</summary>
public static class DoctorCommand
{
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds")
        {
            Description = "How long to time the fp32 matmul (seconds)",
            DefaultValueFactory = _ => 1.0,
        };
        var command = new Command("doctor",
            "Check the installation: versions, the libstdc++ fix, threads, fp32 matmul GFLOP/s; non-zero exit if libtorch cannot run")
        {
            seconds,
        };
        command.SetAction(parse => Run(parse.GetValue(seconds), parse.InvocationConfiguration.Output));
        return command.WithExamples(
            "prefsharp doctor",
            "prefsharp doctor --seconds 3     # a steadier GFLOP/s reading");
    }

    private static int Run(double seconds, TextWriter output)
    {
        void Line(string name, string value) => output.WriteLine($"{name,-18} {value}");

        var fix = TorchRuntime.EnsureInitialized();
        Line("OS", RuntimeInformation.OSDescription);
        Line(".NET", RuntimeInformation.FrameworkDescription);
        Line("libstdc++", fix.LibStdCxxPath ?? "not found");
        Line("compatibility fix", fix.Describe());
        Line("TorchSharp", TorchRuntime.TorchSharpVersion);
        Line("libtorch", TorchRuntime.LibTorchVersion);
        Line("threads", $"{get_num_threads()} (of {Environment.ProcessorCount} cores)");
        Line("fp32 matmul", $"{MatmulPeak.MeasureGflops(seconds: seconds):F1} GFLOP/s (2048x2048)");
        output.WriteLine("ok: libtorch runs on this machine");
        return 0;
    }
}
