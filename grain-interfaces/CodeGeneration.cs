using Orleans;

// The pure cores carry serialization attributes but no Orleans runtime; generate their serializers here.
[assembly: GenerateCodeForDeclaringAssembly(typeof(EKyc.Verification.Checks.CheckResult))]
[assembly: GenerateCodeForDeclaringAssembly(typeof(EKyc.Monitoring.Activity.ActivityEvent))]
