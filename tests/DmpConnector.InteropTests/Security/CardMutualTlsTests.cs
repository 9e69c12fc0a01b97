using System;
using System.IO;
using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using System.Xml;
using DmpConnector.InteropTests.Soap;
using DmpConnector.Security;
using DmpConnector.Soap;
using DmpConnector.Tests.Support;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace DmpConnector.InteropTests.Security
{
    /// <summary>
    /// Mutual TLS end to end: Kestrel on 127.0.0.1 requires a client certificate; our <see cref="SoapHttpTransport"/>
    /// presents the card's authentication key — on the SoftHSM2 token, reached through OpenSSL's pkcs11 engine — or a PFX.
    /// The server must see the CPS-like subject.
    /// </summary>
    public class CardMutualTlsTests
    {
        private static SoapRequest Request() => new(new SoapRequestHeaders("urn:ihe:iti:2007:RegistryStoredQuery"), w =>
        {
            w.WriteStartElement("q", "AdhocQueryRequest", "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0");
            w.WriteEndElement();
        });

        // CPS-LOGOUT: a token no other test of this process logs in to, so the PIN count below is this test's own.
        private static Pkcs11Token OpenCard(Func<string?> pin) => Pkcs11Token.Open(new Pkcs11TokenOptions(SoftHsmToken.Shared.ModulePath)
        {
            TokenLabel = SoftHsmToken.LogoutTestLabel,
            PinCallback = _ => pin(),
        });

        /// <summary>Starts a server that requires a client certificate and records the one it saw.</summary>
        private static async Task<(KestrelHost Host, Uri Https, Func<X509Certificate2?> Seen, X509Certificate2 Server)> StartServerAsync(SslProtocols? protocols = null)
        {
            X509Certificate2 server = ServerCertificate();
            X509Certificate2? seen = null;
            KestrelHost host = await KestrelHost.StartAsync(
                async c =>
                {
                    seen = c.Connection.ClientCertificate;
                    TestContext.Out.WriteLine("TLS: " + c.Features.Get<Microsoft.AspNetCore.Connections.Features.ITlsHandshakeFeature>()?.Protocol);
                    c.Response.StatusCode = 200;
                    c.Response.ContentType = "application/soap+xml";
                    await c.Response.Body.WriteAsync(SampleData.Utf8(SampleData.Soap12Response()));
                },
                server,
                requireClientCertificate: true,
                protocols);
            return (host, new UriBuilder(host.Address) { Scheme = "https" }.Uri, () => seen, server);
        }

        /// <summary>TLS 1.3 signs CertificateVerify with RSA-PSS, TLS 1.2 with PKCS#1 v1.5: both go through the engine to the token.</summary>
        [TestCase(SslProtocols.Tls13)]
        [TestCase(SslProtocols.Tls12)]
        public async Task The_transport_presents_the_card_authentication_key_through_the_OpenSSL_engine(SslProtocols protocol)
        {
            int pinCalls = 0;
            using Pkcs11Token card = OpenCard(() =>
            {
                pinCalls++;
                return SoftHsmToken.Pin;
            });
            using X509Certificate2 clientCertificate = TlsClientCertificates.FromCard(card, null);
            var (host, https, seen, server) = await StartServerAsync(protocol);
            await using (host)
            using (server)
            using (var transport = new SoapHttpTransport(new SoapTransportOptions
            {
                ClientCertificate = clientCertificate,
                ServerCertificateValidator = (cert, _, _) => cert?.Thumbprint == server.Thumbprint,
            }))
            {
                using SoapResponse response = await transport.SendAsync(https, Request());
                X509Certificate2 presented = seen()!;

                Assert.Multiple(() =>
                {
                    Assert.That(presented, Is.Not.Null, "the server saw no client certificate");
                    Assert.That(presented.Thumbprint, Is.EqualTo(SoftHsmToken.Shared.AuthenticationCertificate.Thumbprint));
                    Assert.That(presented.GetNameInfo(X509NameType.SimpleName, false), Is.EqualTo(SoftHsmToken.ProfessionalIdNat));
                    Assert.That(presented.SubjectName.Name, Does.Contain("OU=" + SoftHsmToken.StructureIdNat));
                    Assert.That(clientCertificate.HasPrivateKey, Is.True);
                    Assert.That(pinCalls, Is.LessThanOrEqualTo(1), "the PIN went through the token's callback, at most once (the engine's sessions keep the application logged in)");
                });
            }

            // The key stays on the card: the engine-backed RSA cannot export its private part.
            using RSA key = clientCertificate.GetRSAPrivateKey()!;
            Assert.Throws<CryptographicException>(() => key.ExportParameters(true));
            // And the token's own signatures still work alongside the engine (one module instance, no C_Finalize).
            using Pkcs11SigningCredential signature = card.GetCredential(KeyPurposes.Signature);
            Assert.That(signature.SignHash(new byte[32], HashAlgorithmName.SHA256), Has.Length.EqualTo(256));
        }

        [Test]
        public async Task The_transport_presents_a_PFX_client_certificate()
        {
            string pfx = WritePfx(SoftHsmToken.Shared.AuthenticationCertificatePath, SoftHsmToken.Shared.AuthenticationKeyPath, "secret");
            try
            {
                using X509Certificate2 clientCertificate = TlsClientCertificates.FromPfx(pfx, "secret");
                var (host, https, seen, server) = await StartServerAsync();
                await using (host)
                using (server)
                using (var transport = new SoapHttpTransport(new SoapTransportOptions
                {
                    ClientCertificate = clientCertificate,
                    ServerCertificateValidator = (cert, _, _) => cert?.Thumbprint == server.Thumbprint,
                }))
                {
                    using SoapResponse response = await transport.SendAsync(https, Request());

                    Assert.That(seen()?.Thumbprint, Is.EqualTo(SoftHsmToken.Shared.AuthenticationCertificate.Thumbprint));
                    Assert.That(seen()!.GetNameInfo(X509NameType.SimpleName, false), Is.EqualTo(SoftHsmToken.ProfessionalIdNat));
                }
            }
            finally
            {
                File.Delete(pfx);
            }
        }

        [Test]
        public void A_signature_only_certificate_is_refused_for_TLS()
        {
            string pfx = WritePfx(SoftHsmToken.Shared.SignatureCertificatePath, SoftHsmToken.Shared.SignatureKeyPath, null);
            try
            {
                var ex = Assert.Throws<KeyPurposeException>(() => TlsClientCertificates.FromPfx(pfx, null));
                Assert.That(ex!.Required, Is.EqualTo(KeyPurposes.Authentication));
            }
            finally
            {
                File.Delete(pfx);
            }
        }

        [Test]
        public void A_missing_PFX_a_wrong_password_and_an_unknown_thumbprint_are_bad_input()
        {
            string pfx = WritePfx(SoftHsmToken.Shared.AuthenticationCertificatePath, SoftHsmToken.Shared.AuthenticationKeyPath, "secret");
            try
            {
                Assert.Multiple(() =>
                {
                    Assert.That(Assert.Throws<DmpInputException>(() => TlsClientCertificates.FromPfx("/nonexistent.pfx", null))!.Rule, Is.EqualTo("SEC-TLS-CERT"));
                    Assert.That(Assert.Throws<DmpInputException>(() => TlsClientCertificates.FromPfx(pfx, "wrong"))!.Rule, Is.EqualTo("SEC-TLS-CERT"));
                    Assert.That(Assert.Throws<DmpInputException>(() => TlsClientCertificates.FromStore("00112233445566778899AABBCCDDEEFF00112233", StoreLocation.CurrentUser))!.Rule, Is.EqualTo("SEC-TLS-CERT"));
                });
            }
            finally
            {
                File.Delete(pfx);
            }
        }

        [Test]
        public void A_wrong_PIN_stops_the_card_certificate_before_OpenSSL_is_asked()
        {
            using Pkcs11Token card = Pkcs11Token.Open(new Pkcs11TokenOptions(SoftHsmToken.Shared.ModulePath)
            {
                TokenLabel = SoftHsmToken.PinTestLabel,
                PinCallback = _ => "000000",
            });

            Assert.Throws<CardPinIncorrectException>(() => TlsClientCertificates.FromCard(card, null));
            Assert.Throws<CardPinIncorrectException>(() => TlsClientCertificates.FromCard(card, null), "not retried");
        }

        [Test]
        public void A_missing_engine_library_is_a_card_exception_with_advice()
        {
            using Pkcs11Token card = OpenCard(() => SoftHsmToken.Pin);

            var ex = Assert.Throws<CardException>(() => TlsClientCertificates.FromCard(card, "/nonexistent/engines-3/pkcs11.so"));

            Assert.That(ex!.Advice, Does.Contain("libengine-pkcs11-openssl").Or.Contain("one card middleware"));
        }

        private static string WritePfx(string certificatePem, string keyPem, string? password)
        {
            using X509Certificate2 certificate = X509Certificate2.CreateFromPemFile(certificatePem, keyPem);
            string path = Path.Combine(Path.GetTempPath(), "dmp-tls-" + Guid.NewGuid().ToString("N") + ".pfx");
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
            return path;
        }

        private static X509Certificate2 ServerCertificate()
        {
            using RSA rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
        }
    }
}
