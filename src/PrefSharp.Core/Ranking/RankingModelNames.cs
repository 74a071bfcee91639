namespace PrefSharp.Core.Ranking;

/// <summary>The command-line names of <see cref="RankingModel"/>: bt, elo, rao-kupper, davidson, plackett-luce, thurstone.</summary>
public static class RankingModelNames
{
    private static readonly Dictionary<string, RankingModel> ModelByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bt"] = RankingModel.BradleyTerry,
        ["elo"] = RankingModel.Elo,
        ["rao-kupper"] = RankingModel.RaoKupper,
        ["davidson"] = RankingModel.Davidson,
        ["plackett-luce"] = RankingModel.PlackettLuce,
        ["thurstone"] = RankingModel.Thurstone,
    };

    public static IReadOnlyCollection<string> All => ModelByName.Keys;

    public static string NameOf(RankingModel model) => ModelByName.First(pair => pair.Value == model).Key;

    /// <summary>The model of a CLI name; <see cref="ArgumentException"/> naming the option and the allowed names otherwise.</summary>
    public static RankingModel Parse(string name, string optionName = "model") =>
        ModelByName.TryGetValue(name ?? "", out var model) ? model
            : throw new ArgumentException($"{optionName}: unknown model '{name}'; expected one of {string.Join(", ", All)}.", optionName);
}
