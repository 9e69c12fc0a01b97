using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DmpConnector.Security
{
    /// <summary>
    /// A <see cref="SigningCredential"/> over an <see cref="X509Certificate2"/> with an RSA private key: a PFX file, an
    /// establishment certificate, or a certificate from the operating system's store (the Windows CPS middleware exposes
    /// cards there).
    /// </summary>
    public sealed class CertificateSigningCredential : SigningCredential
    {
        private readonly X509Certificate2 _certificate;
        private readonly RSA _privateKey;
        private readonly bool _ownsCertificate;

        /// <summary>Creates the credential. The caller keeps ownership of <paramref name="certificate"/>.</summary>
        /// <param name="certificate">A certificate with an RSA private key.</param>
        /// <param name="purposes">What the key may be used for; say it explicitly (see <see cref="InferPurposes"/>).</param>
        public CertificateSigningCredential(X509Certificate2 certificate, KeyPurposes purposes)
            : this(certificate, purposes, ownsCertificate: false)
        {
        }

        private CertificateSigningCredential(X509Certificate2 certificate, KeyPurposes purposes, bool ownsCertificate)
        {
            if (certificate is null)
            {
                throw new ArgumentNullException(nameof(certificate));
            }

            if (purposes == KeyPurposes.None)
            {
                throw new DmpInputException(nameof(purposes), KeyPurposeException.Rule, "a credential must serve at least one purpose", purposes.ToString(), valueIsSensitive: false);
            }

            if (!certificate.HasPrivateKey)
            {
                throw new DmpInputException("certificate", "SEC-NO-PRIVATE-KEY", "the certificate has no private key", certificate.Subject, valueIsSensitive: false);
            }

            _privateKey = certificate.GetRSAPrivateKey()
                ?? throw new DmpInputException("certificate", "SEC-KEY-ALGORITHM", "the DMP uses RSA keys; this certificate's key is not RSA", certificate.Subject, valueIsSensitive: false);
            _certificate = certificate;
            _ownsCertificate = ownsCertificate;
            Purposes = purposes;
        }

        /// <inheritdoc />
        public override X509Certificate2 Certificate => _certificate;

        /// <inheritdoc />
        public override KeyPurposes Purposes { get; }

        /// <summary>
        /// Loads a PFX (PKCS#12) file. The password is used once and not kept.
        /// </summary>
        /// <param name="path">The file.</param>
        /// <param name="password">Its password, or null.</param>
        /// <param name="purposes">What the key may be used for.</param>
        /// <returns>A credential that owns the loaded certificate and disposes it.</returns>
        public static CertificateSigningCredential FromPfxFile(string path, string? password, KeyPurposes purposes)
        {
            if (string.IsNullOrEmpty(path))
            {
                throw new DmpInputException(nameof(path), "SEC-PFX-PATH", "a PFX file path is required", path, valueIsSensitive: false);
            }

            X509Certificate2 certificate;
            try
            {
#if NET9_0_OR_GREATER
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
#elif NET
                certificate = new X509Certificate2(path, password, X509KeyStorageFlags.EphemeralKeySet);
#else
                certificate = new X509Certificate2(path, password, X509KeyStorageFlags.DefaultKeySet);
#endif
            }
            catch (CryptographicException ex)
            {
                throw new DmpInputException(nameof(path), "SEC-PFX-LOAD", "the PFX file could not be opened (wrong password or not a PKCS#12 file)", path, valueIsSensitive: false, ex);
            }

            try
            {
                return new CertificateSigningCredential(certificate, purposes, ownsCertificate: true);
            }
            catch
            {
                certificate.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Guesses the purposes from the certificate's key usage extension: <c>nonRepudiation</c> means a signature
        /// key (CPS signature certificate); <c>digitalSignature</c> without it means an authentication key. Establishment
        /// certificates often carry only <c>digitalSignature</c> yet sign the VIHF: state their purposes explicitly.
        /// </summary>
        /// <param name="certificate">The certificate.</param>
        /// <returns>The inferred purposes; both when the certificate has no key usage extension.</returns>
        public static KeyPurposes InferPurposes(X509Certificate2 certificate)
        {
            if (certificate is null)
            {
                throw new ArgumentNullException(nameof(certificate));
            }

            foreach (X509Extension extension in certificate.Extensions)
            {
                if (extension is X509KeyUsageExtension usage)
                {
                    if ((usage.KeyUsages & X509KeyUsageFlags.NonRepudiation) != 0)
                    {
                        return KeyPurposes.Signature;
                    }

                    return (usage.KeyUsages & X509KeyUsageFlags.DigitalSignature) != 0 ? KeyPurposes.Authentication : KeyPurposes.None;
                }
            }

            return KeyPurposes.Authentication | KeyPurposes.Signature;
        }

        /// <inheritdoc />
        public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm)
        {
            if (hash is null)
            {
                throw new ArgumentNullException(nameof(hash));
            }

            return _privateKey.SignHash(hash, hashAlgorithm, RSASignaturePadding.Pkcs1);
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _privateKey.Dispose();
                if (_ownsCertificate)
                {
                    _certificate.Dispose();
                }
            }

            base.Dispose(disposing);
        }
    }
}
