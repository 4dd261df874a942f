using EKyc.Bench;

var suite = args.FirstOrDefault();
return suite switch
{
    "ingest" => await IngestBench.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ekyc bench ingest [--seconds N] [--postgres CONNECTION] (PostgreSQL also from EKYC_TEST_POSTGRES)");
    return 2;
}
