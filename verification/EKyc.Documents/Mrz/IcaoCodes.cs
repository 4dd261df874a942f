using System.Collections.Frozen;

namespace EKyc.Documents.Mrz;

/// <summary>
/// The three-letter codes an MRZ may carry for an issuing state or a nationality (ICAO 9303-3 §5): ISO 3166-1
/// alpha-3, plus ICAO's own — Germany's "D", the British variants, UN and other organisations, refugees and
/// stateless persons. The ICAO specimen state UTO is deliberately absent: a live applicant never holds a Utopian
/// document.
/// </summary>
public static class IcaoCodes
{
    private const string Iso3166 =
        "AFG ALA ALB DZA ASM AND AGO AIA ATA ATG ARG ARM ABW AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BMU BTN BOL BES " +
        "BIH BWA BVT BRA IOT BRN BGR BFA BDI CPV KHM CMR CAN CYM CAF TCD CHL CHN CXR CCK COL COM COG COD COK CRI CIV HRV " +
        "CUB CUW CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FLK FRO FJI FIN FRA GUF PYF ATF GAB GMB GEO DEU " +
        "GHA GIB GRC GRL GRD GLP GUM GTM GGY GIN GNB GUY HTI HMD VAT HND HKG HUN ISL IND IDN IRN IRQ IRL IMN ISR ITA JAM " +
        "JPN JEY JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MAC MDG MWI MYS MDV MLI MLT MHL MTQ " +
        "MRT MUS MYT MEX FSM MDA MCO MNG MNE MSR MAR MOZ MMR NAM NRU NPL NLD NCL NZL NIC NER NGA NIU NFK MKD MNP NOR OMN " +
        "PAK PLW PSE PAN PNG PRY PER PHL PCN POL PRT PRI QAT REU ROU RUS RWA BLM SHN KNA LCA MAF SPM VCT WSM SMR STP SAU " +
        "SEN SRB SYC SLE SGP SXM SVK SVN SLB SOM ZAF SGS SSD ESP LKA SDN SUR SJM SWE CHE SYR TWN TJK TZA THA TLS TGO TKL " +
        "TON TTO TUN TUR TKM TCA TUV UGA UKR ARE GBR USA UMI URY UZB VUT VEN VNM VGB VIR WLF ESH YEM ZMB ZWE";

    private const string IcaoSpecific =
        "D GBD GBN GBO GBP GBS UNO UNA UNK XBA XIM XCC XCE XCO XEC XPO XES XMP XOM XDC XXA XXB XXC XXX RKS EUE";

    private static readonly FrozenSet<string> Known =
        (Iso3166 + " " + IcaoSpecific).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The ISO 3166-1 alpha-3 codes, in a fixed order (the synthetic documents draw from them).</summary>
    public static IReadOnlyList<string> Countries { get; } = Iso3166.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True for a code an issuer may print; <paramref name="code"/> is as in the MRZ, trailing filler removed.</summary>
    public static bool IsKnown(string code) => Known.Contains(code);
}
