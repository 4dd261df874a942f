namespace EKyc.Monitoring.Activity;

/// <summary>Kinds of account activity the platform reports. Persisted and sent on the wire: never renumber.</summary>
public enum ActivityType
{
    Login = 0,
    Transaction = 1,
    DeviceChange = 2,
    ContactChange = 3,
    AddressChange = 4,
    BeneficiaryAdded = 5,
    PasswordReset = 6,
    Other = 99,
}
