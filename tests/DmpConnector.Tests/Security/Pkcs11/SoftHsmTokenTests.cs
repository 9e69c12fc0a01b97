using System.Linq;
using System.Security.Cryptography.X509Certificates;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Security.Pkcs11
{
    /// <summary>The test card itself: a real SoftHSM2 token, checked with OpenSC's pkcs11-tool (an independent client).</summary>
    public class SoftHsmTokenTests
    {
        [Test]
        public void The_test_token_holds_two_key_pairs_paired_by_CKA_ID()
        {
            SoftHsmToken hsm = SoftHsmToken.Shared;

            string objects = hsm.Run("pkcs11-tool", "--module", hsm.ModulePath, "--token-label", SoftHsmToken.Label,
                "--login", "--pin", SoftHsmToken.Pin, "--list-objects");

            string[] blocks = System.Text.RegularExpressions.Regex.Split(objects, @"\n(?=\S)").ToArray();
            Assert.Multiple(() =>
            {
                Assert.That(blocks.Count(b => b.StartsWith("Private Key Object") && b.Contains("ID:         01")), Is.EqualTo(1), objects);
                Assert.That(blocks.Count(b => b.StartsWith("Private Key Object") && b.Contains("ID:         02")), Is.EqualTo(1), objects);
                Assert.That(blocks.Count(b => b.StartsWith("Certificate Object") && b.Contains("ID:         01")), Is.EqualTo(1), objects);
                Assert.That(blocks.Count(b => b.StartsWith("Certificate Object") && b.Contains("ID:         02")), Is.EqualTo(1), objects);
            });
        }

        [Test]
        public void The_certificates_have_the_CPS_subject_shape_and_distinct_key_usages()
        {
            SoftHsmToken hsm = SoftHsmToken.Shared;
            X509Certificate2 auth = hsm.AuthenticationCertificate;
            X509Certificate2 sign = hsm.SignatureCertificate;

            Assert.Multiple(() =>
            {
                Assert.That(auth.GetNameInfo(X509NameType.SimpleName, false), Is.EqualTo(SoftHsmToken.ProfessionalIdNat));
                Assert.That(auth.SubjectName.Name, Does.Contain("OU=" + SoftHsmToken.StructureIdNat));
                Assert.That(auth.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages, Is.EqualTo(X509KeyUsageFlags.DigitalSignature));
                Assert.That(sign.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages, Is.EqualTo(X509KeyUsageFlags.NonRepudiation));
                Assert.That(sign.Thumbprint, Is.Not.EqualTo(auth.Thumbprint));
                Assert.That(hsm.SerialOf(SoftHsmToken.Label), Is.Not.Empty);
            });
        }
    }
}
