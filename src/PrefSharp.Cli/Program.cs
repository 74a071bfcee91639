using PrefSharp.Cli;

return CliApp.Run(args);
