using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DmpConnector.Security;
using NUnit.Framework;

namespace DmpConnector.Tests.Security
{
    public class SigningCredentialTests
    {
        private static X509Certificate2 CreateRsaCertificate(X509KeyUsageFlags usage)
        {
            using RSA key = RSA.Create(2048);
            var request = new CertificateRequest("CN=899700000000 Test Professional, O=DmpConnector tests", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
            using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            // Round trip through PKCS#12 so the key is a regular, persisted-for-the-process key on every platform.
            return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12, "pw"), "pw", X509KeyStorageFlags.Exportable);
        }

        [Test]
        public void Signatures_made_through_CreateRsa_verify_with_the_certificate_public_key()
        {
            using X509Certificate2 certificate = CreateRsaCertificate(X509KeyUsageFlags.NonRepudiation);
            using var credential = new CertificateSigningCredential(certificate, KeyPurposes.Signature);
            byte[] data = Encoding.UTF8.GetBytes("assertion bytes");

            using RSA rsa = credential.CreateRsa();
            byte[] signature = rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

            using RSA publicKey = certificate.GetRSAPublicKey()!;
            Assert.That(publicKey.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
            Assert.That(rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
            Assert.That(rsa.KeySize, Is.EqualTo(2048));
            data[0] ^= 1;
            Assert.That(publicKey.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.False);
        }

        [Test]
        public void The_credential_RSA_never_exports_the_private_key_nor_decrypts()
        {
            using X509Certificate2 certificate = CreateRsaCertificate(X509KeyUsageFlags.NonRepudiation);
            using var credential = new CertificateSigningCredential(certificate, KeyPurposes.Signature);
            using RSA rsa = credential.CreateRsa();

            Assert.Throws<CryptographicException>(() => rsa.ExportParameters(true));
            Assert.Throws<CryptographicException>(() => rsa.Decrypt(new byte[256], RSAEncryptionPadding.Pkcs1));
            Assert.Throws<CryptographicException>(() => rsa.ImportParameters(default));
            Assert.Throws<CryptographicException>(() => rsa.SignHash(new byte[32], HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
            Assert.That(rsa.ExportParameters(false).Modulus, Has.Length.EqualTo(256));
        }

        [Test]
        public void An_authentication_key_is_refused_for_signing()
        {
            using X509Certificate2 certificate = CreateRsaCertificate(X509KeyUsageFlags.DigitalSignature);
            using var credential = new CertificateSigningCredential(certificate, KeyPurposes.Authentication);

            Assert.DoesNotThrow(() => credential.EnsurePurpose(KeyPurposes.Authentication));
            KeyPurposeException ex = Assert.Throws<KeyPurposeException>(() => credential.EnsurePurpose(KeyPurposes.Signature))!;
            Assert.That(ex.Required, Is.EqualTo(KeyPurposes.Signature));
            Assert.That(ex.Declared, Is.EqualTo(KeyPurposes.Authentication));
            Assert.That(ex.Message, Does.Contain(KeyPurposeException.Rule));
            Assert.Throws<KeyPurposeException>(() => credential.EnsurePurpose(KeyPurposes.None));
        }

        [Test]
        public void Purposes_are_inferred_from_the_key_usage_extension()
        {
            using X509Certificate2 signature = CreateRsaCertificate(X509KeyUsageFlags.NonRepudiation | X509KeyUsageFlags.DigitalSignature);
            using X509Certificate2 authentication = CreateRsaCertificate(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment);
            using X509Certificate2 encryptionOnly = CreateRsaCertificate(X509KeyUsageFlags.KeyEncipherment);

            Assert.That(CertificateSigningCredential.InferPurposes(signature), Is.EqualTo(KeyPurposes.Signature));
            Assert.That(CertificateSigningCredential.InferPurposes(authentication), Is.EqualTo(KeyPurposes.Authentication));
            Assert.That(CertificateSigningCredential.InferPurposes(encryptionOnly), Is.EqualTo(KeyPurposes.None));
        }

        [Test]
        public void Bad_certificates_are_typed_input_errors()
        {
            using X509Certificate2 withKey = CreateRsaCertificate(X509KeyUsageFlags.NonRepudiation);
            using X509Certificate2 publicOnly = X509CertificateLoader.LoadCertificate(withKey.RawData);
            using ECDsa ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using X509Certificate2 ecCertificate = new CertificateRequest("CN=ec", ec, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));

            Assert.That(Assert.Throws<DmpInputException>(() => new CertificateSigningCredential(publicOnly, KeyPurposes.Signature))!.Rule, Is.EqualTo("SEC-NO-PRIVATE-KEY"));
            Assert.That(Assert.Throws<DmpInputException>(() => new CertificateSigningCredential(ecCertificate, KeyPurposes.Signature))!.Rule, Is.EqualTo("SEC-KEY-ALGORITHM"));
            Assert.That(Assert.Throws<DmpInputException>(() => new CertificateSigningCredential(withKey, KeyPurposes.None))!.Rule, Is.EqualTo(KeyPurposeException.Rule));
        }

        [Test]
        public void A_PFX_file_loads_and_a_wrong_password_is_a_typed_error()
        {
            using X509Certificate2 certificate = CreateRsaCertificate(X509KeyUsageFlags.NonRepudiation);
            string path = Path.Combine(Path.GetTempPath(), $"dmpconnector-{Guid.NewGuid():N}.pfx");
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "secret"));
            try
            {
                using (CertificateSigningCredential credential = CertificateSigningCredential.FromPfxFile(path, "secret", KeyPurposes.Signature))
                {
                    Assert.That(credential.Certificate.Thumbprint, Is.EqualTo(certificate.Thumbprint));
                    byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes("x"));
                    Assert.That(certificate.GetRSAPublicKey()!.VerifyHash(hash, credential.SignHash(hash, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
                }

                DmpInputException ex = Assert.Throws<DmpInputException>(() => CertificateSigningCredential.FromPfxFile(path, "Pa55-not-this-one", KeyPurposes.Signature))!;
                Assert.That(ex.Rule, Is.EqualTo("SEC-PFX-LOAD"));
                Assert.That(ex.Message, Does.Not.Contain("Pa55-not-this-one"));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
