using System;
using System.IO;
using System.Reflection;
using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using DmpConnector.Security;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Security.Pkcs11
{
    /// <summary>
    /// The TLS client-certificate providers, on every build of the SDK (this folder also runs against the netstandard2.0
    /// build). The end-to-end handshakes with Kestrel are in the interop tests (CardMutualTlsTests).
    /// </summary>
    public class TlsClientCertificatesTests
    {
        private string _folder = null!;

        [SetUp]
        public void SetUp()
        {
            _folder = Path.Combine(Path.GetTempPath(), "dmp-tls-unit-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
        }

        [TearDown]
        public void TearDown() => Directory.Delete(_folder, recursive: true);

        private string Pfx(string certificatePem, string keyPem, string? password)
        {
            using X509Certificate2 certificate = X509Certificate2.CreateFromPemFile(certificatePem, keyPem);
            string path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".pfx");
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
            return path;
        }

        [TestCase("CPS-TEST", "4c3a9f1e", "01", "pkcs11:token=CPS-TEST;serial=4c3a9f1e;id=%01;type=private")]
        [TestCase("CPS de JEAN DUPONT", "1234", "0a02", "pkcs11:token=CPS%20de%20JEAN%20DUPONT;serial=1234;id=%0a%02;type=private")]
        [TestCase("Médecin;x=y", "", "ff", "pkcs11:token=M%C3%A9decin%3Bx%3Dy;id=%ff;type=private")]
        public void The_key_URI_percent_encodes_the_label_and_every_CKA_ID_byte(string label, string serial, string id, string expected)
        {
            Assert.That(TlsClientCertificates.KeyUri(label, serial, id), Is.EqualTo(expected));
        }

        [Test]
        public void An_authentication_PFX_loads_with_its_private_key()
        {
            string path = Pfx(SoftHsmToken.Shared.AuthenticationCertificatePath, SoftHsmToken.Shared.AuthenticationKeyPath, "pw");

            using X509Certificate2 certificate = TlsClientCertificates.FromPfx(path, "pw");

            Assert.That(certificate.HasPrivateKey, Is.True);
            Assert.That(certificate.Thumbprint, Is.EqualTo(SoftHsmToken.Shared.AuthenticationCertificate.Thumbprint));
        }

        [Test]
        public void A_signature_only_PFX_is_refused_for_TLS()
        {
            string path = Pfx(SoftHsmToken.Shared.SignatureCertificatePath, SoftHsmToken.Shared.SignatureKeyPath, null);

            var ex = Assert.Throws<KeyPurposeException>(() => TlsClientCertificates.FromPfx(path, null));

            Assert.That(ex!.Message, Does.Contain(KeyPurposeException.Rule));
        }

        [Test]
        public void A_missing_or_unreadable_PFX_and_an_unknown_thumbprint_are_bad_input()
        {
            string path = Pfx(SoftHsmToken.Shared.AuthenticationCertificatePath, SoftHsmToken.Shared.AuthenticationKeyPath, "pw");
            string notPfx = Path.Combine(_folder, "not.pfx");
            File.WriteAllText(notPfx, "not a PKCS#12 file");

            Assert.Multiple(() =>
            {
                Assert.That(Assert.Throws<DmpInputException>(() => TlsClientCertificates.FromPfx(Path.Combine(_folder, "absent.pfx"), null))!.Rule, Is.EqualTo("SEC-TLS-CERT"));
                Assert.That(Assert.Throws<DmpInputException>(() => TlsClientCertificates.FromPfx(path, "wrong"))!.Rule, Is.EqualTo("SEC-TLS-CERT"));
                Assert.That(Assert.Throws<DmpInputException>(() => TlsClientCertificates.FromPfx(notPfx, null))!.Rule, Is.EqualTo("SEC-TLS-CERT"));
                Assert.That(Assert.Throws<DmpInputException>(() => TlsClientCertificates.FromStore("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33", StoreLocation.CurrentUser))!.Rule, Is.EqualTo("SEC-TLS-CERT"));
            });
        }

        [Test]
        public void The_card_path_needs_the_net8_build_and_checks_the_engine_before_asking_the_PIN()
        {
            var pins = new PinCounter();
            using Pkcs11Token card = CardTestSupport.Open(SoftHsmToken.Label, pins);
            string framework = typeof(TlsClientCertificates).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;

            var ex = Assert.Throws<CardException>(() => TlsClientCertificates.FromCard(card, "/nonexistent/engines-3/pkcs11.so"));

            if (framework.StartsWith(".NETStandard", StringComparison.Ordinal))
            {
                Assert.That(ex!.Message, Does.Contain(".NET 8"), "the netstandard2.0 build cannot reach OpenSSL engine keys");
            }
            else
            {
                Assert.That(ex!.Advice, Does.Contain("libengine-pkcs11-openssl"));
            }

            Assert.That(pins.Calls, Is.Zero, "no PIN is asked when the TLS key cannot be opened anyway");
        }
    }
}
