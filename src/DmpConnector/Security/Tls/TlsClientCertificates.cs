using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DmpConnector.Security
{
    /// <summary>
    /// The TLS client certificate the DMP requires, with its private key, ready for
    /// <c>SoapTransportOptions.ClientCertificate</c> (or any <c>HttpClientHandler</c>/<c>SocketsHttpHandler</c>):
    /// from a PFX file, from the operating system's certificate store (Windows: the CPS middleware puts the card
    /// there), or — on Linux with .NET 8 or later — from the card itself through OpenSSL's pkcs11 engine. Nothing here
    /// changes process-wide TLS settings. See docs/card.md for which path fits which platform.
    /// </summary>
    public static partial class TlsClientCertificates
    {
        /// <summary>
        /// Loads a PFX (PKCS#12) file with its private key: an establishment's authentication certificate (AUTH_CLI),
        /// or a test certificate.
        /// </summary>
        /// <param name="path">The .pfx/.p12 file.</param>
        /// <param name="password">Its password, or null. It is not kept.</param>
        /// <returns>The certificate with its private key; the caller disposes it.</returns>
        /// <exception cref="DmpInputException">Rule <c>SEC-TLS-CERT</c>: the file is missing, unreadable, or has no private key.</exception>
        /// <exception cref="KeyPurposeException">The certificate is a signature-only certificate (key usage nonRepudiation).</exception>
        public static X509Certificate2 FromPfx(string path, string? password)
        {
            if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            {
                throw new DmpInputException(nameof(path), TlsRule, "the PFX file does not exist", path, valueIsSensitive: false);
            }

            X509Certificate2 certificate;
            try
            {
#if NET9_0_OR_GREATER
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.DefaultKeySet);
#else
                certificate = new X509Certificate2(path, password, X509KeyStorageFlags.DefaultKeySet);
#endif
            }
            catch (CryptographicException ex)
            {
                throw new DmpInputException(nameof(path), TlsRule, "the PFX file cannot be read (wrong password, or not a PKCS#12 file): " + ex.Message, path, valueIsSensitive: false);
            }

            return Checked(certificate, path);
        }

        /// <summary>
        /// Finds a certificate with its private key in the operating system's "My" store by thumbprint. On Windows the
        /// CPS middleware (Cryptolib CPS) registers the card's certificates there, and the TLS stack signs on the card
        /// through the middleware's CSP/KSP; see docs/card.md for the <c>rsa_pkcs1_sha1</c> caveat.
        /// </summary>
        /// <param name="thumbprint">The SHA-1 thumbprint (hexadecimal, spaces and colons ignored).</param>
        /// <param name="location">CurrentUser (the card of the logged-on user) or LocalMachine.</param>
        /// <returns>The certificate with its private key; the caller disposes it.</returns>
        /// <exception cref="DmpInputException">Rule <c>SEC-TLS-CERT</c>: not found, or no private key.</exception>
        /// <exception cref="KeyPurposeException">The certificate is a signature-only certificate.</exception>
        public static X509Certificate2 FromStore(string thumbprint, StoreLocation location)
        {
            string wanted = (thumbprint ?? string.Empty).Replace(" ", string.Empty).Replace(":", string.Empty).ToUpperInvariant();
            using var store = new X509Store(StoreName.My, location);
            X509Certificate2Collection found;
            try
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
            }
            catch (CryptographicException)
            {
                // The store does not exist for this user (Linux: nothing was ever added): nothing to find.
                found = new X509Certificate2Collection();
            }

            if (found.Count == 0)
            {
                throw new DmpInputException(nameof(thumbprint), TlsRule, $"no certificate with this thumbprint in the {location} My store (is the card inserted and its middleware running?)", thumbprint, valueIsSensitive: false);
            }

            for (int i = 1; i < found.Count; i++)
            {
                found[i].Dispose();
            }

            return Checked(found[0], thumbprint);
        }

        /// <summary>
        /// The card's authentication certificate (never its signature key: pitfall 14) with a private key that stays on
        /// the card: OpenSSL's pkcs11 engine (<c>libengine-pkcs11-openssl</c>) opens the key through the same PKCS#11
        /// module as <paramref name="token"/>, and the certificate is attached to it, so <c>HttpClient</c> presents the
        /// card with no tunnel. Linux, .NET 8 or later only.
        /// </summary>
        /// <remarks>
        /// The login is the token's: the PIN is asked through the token's callback (if not logged in yet) and never
        /// goes to OpenSSL. A login is per application and per module, so the engine's sessions share it; keep the token
        /// open while the certificate is used, and do not log it out (the next TLS handshake would fail).
        /// The engine is bound to the token's module for the life of the process.
        /// </remarks>
        /// <param name="token">The open card.</param>
        /// <param name="enginePath">The engine library, or null to look in the usual folders.</param>
        /// <returns>The certificate with its card-backed private key; the caller disposes it.</returns>
        /// <exception cref="CardException">The engine is missing, the platform is not supported, or the key cannot be opened.</exception>
        /// <exception cref="CardKeyNotFoundException">The card has no authentication certificate.</exception>
        public static X509Certificate2 FromCard(Pkcs11Token token, string? enginePath)
        {
            if (token is null)
            {
                throw new ArgumentNullException(nameof(token));
            }

#if NET
            if (!OperatingSystem.IsLinux())
            {
                throw new CardException(
                    "Mutual TLS straight from the card through OpenSSL's pkcs11 engine works on Linux only.",
                    "On Windows use the card's certificate from the store (TlsClientCertificates.FromStore, the CPS middleware registers it); on macOS see docs/card.md.");
            }

            using Pkcs11SigningCredential authentication = token.GetCredential(KeyPurposes.Authentication);
            authentication.EnsurePurpose(KeyPurposes.Authentication);
            OpenSslPkcs11Engine.Bind(token.ModulePath, enginePath);
            token.EnsureLoggedIn();
            string uri = KeyUri(token.Label, token.SerialNumber, authentication.KeyId);
            try
            {
                using SafeEvpPKeyHandle key = SafeEvpPKeyHandle.OpenPrivateKeyFromEngine(OpenSslPkcs11Engine.EngineId, uri);
                using var rsa = new RSAOpenSsl(key);
                X509Certificate2 withKey = authentication.Certificate.CopyWithPrivateKey(rsa);
                LogCardTlsKeyLoaded(token.Logger, token.Label, authentication.KeyId);
                return withKey;
            }
            catch (CryptographicException ex)
            {
                throw new CardException(
                    $"OpenSSL's pkcs11 engine could not open the authentication key (CKA_ID {authentication.KeyId}) of card '{token.Label}': {ex.Message}",
                    "Check that the card is inserted and logged in, and that the engine can use the module (pkcs11-tool --module <path> -L; openssl engine pkcs11 -t).",
                    null,
                    ex);
            }
#else
            _ = enginePath;
            throw new CardException(
                "Mutual TLS straight from the card needs the .NET 8+ build of DmpConnector on Linux (OpenSSL engine keys are not reachable from netstandard2.0).",
                "Run on .NET 8 or later, or use the card's certificate from the operating system's store (Windows) with TlsClientCertificates.FromStore.");
#endif
        }

        /// <summary>The RFC 7512 PKCS#11 URI of a private key, percent-encoding every byte of the CKA_ID and unsafe characters of the label.</summary>
        internal static string KeyUri(string label, string serial, string keyIdHex)
        {
            var uri = new StringBuilder("pkcs11:token=").Append(Escape(label));
            if (serial.Length > 0)
            {
                uri.Append(";serial=").Append(Escape(serial));
            }

            uri.Append(";id=");
            for (int i = 0; i + 1 < keyIdHex.Length; i += 2)
            {
                uri.Append('%').Append(keyIdHex, i, 2);
            }

            return uri.Append(";type=private").ToString();
        }

        private static string Escape(string value)
        {
            var text = new StringBuilder();
            foreach (byte b in Encoding.UTF8.GetBytes(value))
            {
                char c = (char)b;
                bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '-' or '.' or '_' or '~';
                text.Append(unreserved ? c.ToString() : "%" + b.ToString("X2", CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }

        private const string TlsRule = "SEC-TLS-CERT";

        private static X509Certificate2 Checked(X509Certificate2 certificate, string? source)
        {
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                throw new DmpInputException("certificate", TlsRule, "the TLS client certificate has no private key", source, valueIsSensitive: false);
            }

            KeyPurposes purposes = CertificateSigningCredential.InferPurposes(certificate);
            if ((purposes & KeyPurposes.Authentication) == 0)
            {
                string description = $"{certificate.Subject} ({certificate.Thumbprint})";
                certificate.Dispose();
                throw new KeyPurposeException(KeyPurposes.Authentication, purposes, description);
            }

            return certificate;
        }

        [LoggerMessage(EventId = Diagnostics.DmpLogEvents.CardTlsKeyLoaded, EventName = nameof(Diagnostics.DmpLogEvents.CardTlsKeyLoaded), Level = LogLevel.Information,
            Message = "The authentication key {KeyId} of card '{Label}' was opened through OpenSSL's pkcs11 engine for mutual TLS")]
        private static partial void LogCardTlsKeyLoaded(ILogger logger, string label, string keyId);
    }
}
