using EKyc.Silo.Hosting;

if (AdminCommands.IsAdminCommand(args)) return await AdminCommands.RunAsync(args);

var app = await EkycApplication.BuildAsync(args);
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the HTTP tests can host the whole application.</summary>
public partial class Program;
