using EKyc.Bench;

var suite = args.FirstOrDefault();
return suite switch
{
    // "monitoring" is the same end-to-end run: the monitoring issue's figures are its stream, flag and loss columns.
    "ingest" or "monitoring" => await IngestBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ekyc bench ingest|monitoring [--seconds N] [--postgres CONNECTION] (PostgreSQL also from EKYC_TEST_POSTGRES)");
    return 2;
}
