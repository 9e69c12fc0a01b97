using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DmpConnector.Security
{
    /// <summary>
    /// A key pair on a PKCS#11 token (a CPS card): the certificate read from the token and the private key with the same
    /// CKA_ID, which never leaves the token. <see cref="SignHash"/> sends the DigestInfo to the token with
    /// <c>CKM_RSA_PKCS</c>. Its <see cref="Purposes"/> come from the certificate's key usage, so a card's authentication
    /// key is refused for a VIHF (<see cref="KeyPurposeException"/>). Thread-safe.
    /// </summary>
    /// <example>
    /// <code>
    /// using var card = Pkcs11Token.Open(new Pkcs11TokenOptions("/usr/lib/libcps3_pkcs11_lux.so")
    /// {
    ///     TokenLabel = "CPS de JEAN DUPONT",
    ///     PinCallback = request => AskUserForPin(request),   // called when the PIN is needed; not stored
    /// });
    /// using SigningCredential signature = card.GetCredential(KeyPurposes.Signature);        // VIHF, XAdES
    /// using SigningCredential authentication = card.GetCredential(KeyPurposes.Authentication); // mutual TLS
    /// </code>
    /// </example>
    public sealed class Pkcs11SigningCredential : SigningCredential
    {
        private static readonly byte[] Sha1Prefix = { 0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14 };
        private static readonly byte[] Sha256Prefix = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20 };
        private static readonly byte[] Sha384Prefix = { 0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30 };
        private static readonly byte[] Sha512Prefix = { 0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40 };

        private readonly Pkcs11Token _token;
        private readonly bool _ownsToken;
        private readonly byte[] _id;

        internal Pkcs11SigningCredential(Pkcs11Token token, Pkcs11CertificateInfo info, bool ownsToken)
        {
            _token = token;
            _ownsToken = ownsToken;
            _id = Internal.Hex.Parse(info.Id);
            KeyId = info.Id;
            Certificate = info.Certificate;
            Purposes = info.Purposes;
            if (Purposes == KeyPurposes.None)
            {
                throw new CardKeyNotFoundException($"The certificate with CKA_ID {info.Id} on token '{token.Label}' allows neither authentication nor signature (key usage).");
            }
        }

        /// <inheritdoc />
        public override X509Certificate2 Certificate { get; }

        /// <inheritdoc />
        public override KeyPurposes Purposes { get; }

        /// <summary>The CKA_ID pairing the certificate with its private key, in hexadecimal.</summary>
        public string KeyId { get; }

        /// <summary>The token the key is on.</summary>
        public Pkcs11Token Token => _token;

        /// <inheritdoc />
        public override string Description => $"{Certificate.Subject} ({Certificate.Thumbprint}) on token '{_token.Label}', CKA_ID {KeyId}";

        /// <summary>
        /// Opens a token and returns the credential for one purpose; disposing the credential closes the token.
        /// To use both keys of a card, open a <see cref="Pkcs11Token"/> and call <see cref="Pkcs11Token.GetCredential"/> twice.
        /// </summary>
        /// <param name="options">Module, token and PIN callback.</param>
        /// <param name="purpose">Signature or Authentication.</param>
        /// <returns>The credential, owning its token.</returns>
        public static Pkcs11SigningCredential Open(Pkcs11TokenOptions options, KeyPurposes purpose)
        {
            Pkcs11Token token = Pkcs11Token.Open(options);
            try
            {
                Pkcs11SigningCredential borrowed = token.GetCredential(purpose);
                return new Pkcs11SigningCredential(token, new Pkcs11CertificateInfo(borrowed.KeyId, string.Empty, borrowed.Certificate), ownsToken: true);
            }
            catch
            {
                token.Dispose();
                throw;
            }
        }

        /// <inheritdoc />
        public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm)
        {
            byte[] digestInfo = CreateDigestInfo(hash, hashAlgorithm);
            return _token.Sign(_id, KeyId, digestInfo);
        }

        /// <summary>The DER DigestInfo that CKM_RSA_PKCS signs: the algorithm's prefix, then the hash.</summary>
        internal static byte[] CreateDigestInfo(byte[] hash, HashAlgorithmName hashAlgorithm)
        {
            if (hash is null)
            {
                throw new ArgumentNullException(nameof(hash));
            }

            byte[] prefix;
            int length;
            if (hashAlgorithm == HashAlgorithmName.SHA256)
            {
                (prefix, length) = (Sha256Prefix, 32);
            }
            else if (hashAlgorithm == HashAlgorithmName.SHA1)
            {
                (prefix, length) = (Sha1Prefix, 20);
            }
            else if (hashAlgorithm == HashAlgorithmName.SHA384)
            {
                (prefix, length) = (Sha384Prefix, 48);
            }
            else if (hashAlgorithm == HashAlgorithmName.SHA512)
            {
                (prefix, length) = (Sha512Prefix, 64);
            }
            else
            {
                throw new DmpInputException(nameof(hashAlgorithm), "SEC-HASH-ALGORITHM", "the hash algorithm must be SHA-256 (default), SHA-384, SHA-512 or, when configured, SHA-1", hashAlgorithm.Name, valueIsSensitive: false);
            }

            if (hash.Length != length)
            {
                throw new DmpInputException(nameof(hash), "SEC-HASH-LENGTH", $"a {hashAlgorithm.Name} hash has {length} bytes", hash.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), valueIsSensitive: false);
            }

            byte[] digestInfo = new byte[prefix.Length + hash.Length];
            Buffer.BlockCopy(prefix, 0, digestInfo, 0, prefix.Length);
            Buffer.BlockCopy(hash, 0, digestInfo, prefix.Length, hash.Length);
            return digestInfo;
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing && _ownsToken)
            {
                _token.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
