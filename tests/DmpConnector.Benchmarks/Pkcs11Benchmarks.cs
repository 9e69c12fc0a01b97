using System;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using DmpConnector.Identity;
using DmpConnector.Security;
using DmpConnector.Tests.Support;

namespace DmpConnector.Benchmarks
{
    /// <summary>
    /// The CPS-like SoftHSM2 token (created in the benchmark process by tests/Shared/SoftHsmToken.cs): a raw token
    /// signature (DigestInfo + CKM_RSA_PKCS through a pooled session) against building and signing a whole VIHF on the
    /// token, in the same run. The difference is the SDK's own cost around the card.
    /// </summary>
    [MemoryDiagnoser]
    public class Pkcs11Benchmarks
    {
        private static readonly Ins Patient = Ins.Parse("207058575627097", InsKind.NirTest);
        private readonly byte[] _hash = SHA256.HashData(new byte[] { 1, 2, 3 });
        private Pkcs11Token _token = null!;
        private Pkcs11SigningCredential _credential = null!;
        private VihfUserContext _user = null!;
        private VihfBuilder _builder = null!;

        [GlobalSetup]
        public void Setup()
        {
            SoftHsmToken hsm = SoftHsmToken.Shared;
            _token = Pkcs11Token.Open(new Pkcs11TokenOptions(hsm.ModulePath) { TokenLabel = SoftHsmToken.Label, PinCallback = _ => SoftHsmToken.Pin });
            _credential = _token.GetCredential(KeyPurposes.Signature);
            _user = new VihfUserContext(
                new HealthProfessional(ProfessionalId.Parse("899900063480"), "DUPONT", "JEAN", new CodedValue("10", HealthProfessional.ProfessionCodeSystem, "Médecin"), new CodedValue("SM26", HealthProfessional.SpecialtyCodeSystem, "Qualifié en Médecine Générale (SM)")),
                new HealthcareOrganization(StructureId.Parse("499900063480001"), "CABINET", new CodedValue("SA07", HealthcareOrganization.SectorOfActivityCodeSystem)),
                new SoftwareIdentity("Bench", "1", "BENCH"),
                VihfAuthenticationMode.Direct);
            _builder = new VihfBuilder();
            _ = _credential.SignHash(_hash, HashAlgorithmName.SHA256);   // log in once, outside the measurement
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _credential.Dispose();
            _token.Dispose();
        }

        [Benchmark(Baseline = true)]
        public byte[] RawTokenSignature() => _credential.SignHash(_hash, HashAlgorithmName.SHA256);

        [Benchmark]
        public VihfAssertion BuildAndSignVihfOnToken() => _builder.BuildSigned(_user, Patient, VihfAccessMode.Normal, _credential);
    }
}
