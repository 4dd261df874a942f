namespace EKyc.Documents.Mrz;

/// <summary>The machine-readable-zone layouts this parser reads. Values are persisted: never renumber.</summary>
public enum MrzFormat
{
    /// <summary>ICAO 9303 TD1: ID cards, 3 lines of 30.</summary>
    Td1 = 0,

    /// <summary>ICAO 9303 TD2: 2 lines of 36.</summary>
    Td2 = 1,

    /// <summary>ICAO 9303 TD3: passports, 2 lines of 44.</summary>
    Td3 = 2,

    /// <summary>ICAO 9303 MRV-A: full-page visas, 2 lines of 44.</summary>
    MrvA = 3,

    /// <summary>ICAO 9303 MRV-B: smaller visas, 2 lines of 36.</summary>
    MrvB = 4,

    /// <summary>French national ID card issued before 2021: 2 lines of 36, not ICAO, with its own check digits.</summary>
    FrenchNationalId = 5,
}
