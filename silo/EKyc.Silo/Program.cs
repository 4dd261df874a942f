using EKyc.Silo.Hosting;

var app = await EkycApplication.BuildAsync(args);
await app.RunAsync();

/// <summary>Entry point; public so the HTTP tests can host the whole application.</summary>
public partial class Program;
