using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DmpConnector.Security
{
    /// <summary>
    /// An <see cref="RSA"/> whose private-key operation is a <see cref="SigningCredential"/>. Public operations use the
    /// certificate's public key; the private key can be neither exported nor used to decrypt.
    /// </summary>
    internal sealed class CredentialRsa : RSA
    {
        private readonly SigningCredential _credential;
        private readonly RSA _publicKey;

        public CredentialRsa(SigningCredential credential)
        {
            _credential = credential;
            _publicKey = credential.Certificate.GetRSAPublicKey()
                ?? throw new DmpInputException("certificate", "SEC-KEY-ALGORITHM", "the DMP uses RSA keys; this certificate's key is not RSA", credential.Certificate.Subject, valueIsSensitive: false);
            KeySizeValue = _publicKey.KeySize;
            LegalKeySizesValue = [new KeySizes(_publicKey.KeySize, _publicKey.KeySize, 0)];
        }

        public override RSAParameters ExportParameters(bool includePrivateParameters)
        {
            if (includePrivateParameters)
            {
                throw new CryptographicException("The private key stays in its credential (card, store or PFX) and cannot be exported.");
            }

            return _publicKey.ExportParameters(false);
        }

        public override void ImportParameters(RSAParameters parameters) =>
            throw new CryptographicException("A credential-bound RSA key cannot be replaced.");

        public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
        {
            if (padding != RSASignaturePadding.Pkcs1)
            {
                throw new CryptographicException($"Only RSA PKCS#1 v1.5 signatures are supported, not {padding}.");
            }

            return _credential.SignHash(hash, hashAlgorithm);
        }

        public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
            _publicKey.VerifyHash(hash, signature, hashAlgorithm, padding);

        public override byte[] Encrypt(byte[] data, RSAEncryptionPadding padding) => _publicKey.Encrypt(data, padding);

        public override byte[] Decrypt(byte[] data, RSAEncryptionPadding padding) =>
            throw new CryptographicException("Decrypting with a signing credential is not allowed.");

        protected override byte[] HashData(byte[] data, int offset, int count, HashAlgorithmName hashAlgorithm)
        {
            using IncrementalHash hash = IncrementalHash.CreateHash(hashAlgorithm);
            hash.AppendData(data, offset, count);
            return hash.GetHashAndReset();
        }

        protected override byte[] HashData(Stream data, HashAlgorithmName hashAlgorithm)
        {
            using IncrementalHash hash = IncrementalHash.CreateHash(hashAlgorithm);
            byte[] buffer = new byte[81920];
            int read;
            while ((read = data.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }

            return hash.GetHashAndReset();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _publicKey.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
