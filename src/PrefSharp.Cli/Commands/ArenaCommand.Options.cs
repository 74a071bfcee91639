using System.CommandLine;
using PrefSharp.Server.Arena;
using PrefSharp.Server.Arena.Pairing;

namespace PrefSharp.Cli.Commands;

/// <summary>The arena verb's server options as <see cref="ArenaOptions"/>.</summary>
public static partial class ArenaCommand
{
    private static readonly Option<string> Database = new("--db") { Description = "SQLite file of votes, annotators and sessions (created with an admin token)", DefaultValueFactory = _ => "arena.db" };
    private static readonly Option<string> Host = new("--host") { Description = "Address to bind; other than loopback needs --tls-cert or --insecure-http", DefaultValueFactory = _ => "127.0.0.1" };
    private static readonly Option<int> Port = new("--port") { Description = "TCP port (0: any free port)", DefaultValueFactory = _ => 8080 };
    private static readonly Option<string> Selection = new("--selection") { Description = "Pair selection: uniform, or active (largest expected reduction of ranking uncertainty)", DefaultValueFactory = _ => "uniform" };
    private static readonly Option<double> Overlap = new("--overlap") { Description = "Probability of serving an item another annotator voted on (agreement statistics)", DefaultValueFactory = _ => 0.1 };
    private static readonly Option<string?> TlsCertificate = new("--tls-cert") { Description = "PFX certificate for HTTPS (password from $PREFSHARP_TLS_PASSWORD)" };
    private static readonly Option<bool> InsecureHttp = new("--insecure-http") { Description = "Allow plain HTTP on a non-loopback address (behind a TLS proxy)" };
    private static readonly Option<int> Rate = new("--rate") { Description = "Pair and vote requests per minute per annotator (0: unlimited)", DefaultValueFactory = _ => 60 };
    private static readonly Option<int> Burst = new("--burst") { Description = "Requests an annotator may make at once before --rate applies", DefaultValueFactory = _ => 20 };
    private static readonly Option<long> MaxBody = new("--max-body-bytes") { Description = "Largest request body; larger gets 413", DefaultValueFactory = _ => 16 * 1024 };

    private static ArenaOptions Options(ParseResult parse) => new()
    {
        Database = parse.GetValue(Database)!, Host = parse.GetValue(Host)!, Port = parse.GetValue(Port),
        Selection = parse.GetValue(Selection) == "active" ? PairSelection.Active : PairSelection.Uniform,
        Overlap = parse.GetValue(Overlap), TlsCertificate = parse.GetValue(TlsCertificate),
        TlsPassword = Environment.GetEnvironmentVariable("PREFSHARP_TLS_PASSWORD"), InsecureHttp = parse.GetValue(InsecureHttp),
        RequestsPerMinute = parse.GetValue(Rate), Burst = parse.GetValue(Burst), MaxBodyBytes = parse.GetValue(MaxBody),
    };
}
