namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>A placeholder for a stage whose trainer is not in this build: reports "not-available" with the reason.</summary>
public sealed class NotAvailableStage(string name, string reason) : IDemoStage
{
    public string Name => name;

    public DemoStage Run(DemoContext context) => DemoStage.NotAvailable(name, reason);
}
