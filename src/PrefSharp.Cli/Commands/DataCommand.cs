using System.CommandLine;

namespace PrefSharp.Cli.Commands;

/// <summary><c>prefsharp data</c>: the verbs that look at and convert preference files.</summary>
public static class DataCommand
{
    public static Command Create() => new("data", "Inspect, convert and curate preference data files (TRL, HH-RLHF, Arena, AlpacaEval, PandaLM, …)")
    {
        DataInspectCommand.Create(),
        DataConvertCommand.Create(),
        DataCurateCommand.Create(),
    };
}
