using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DmpConnector.Security
{
    /// <summary>
    /// A certificate and the RSA private key that goes with it, able to sign. Every signature the SDK makes (VIHF
    /// assertion, XAdES submission-set signature) goes through this type, whether the key is in a PFX file, in the
    /// operating system's store or on a CPS card behind PKCS#11.
    /// </summary>
    /// <remarks>
    /// <para>A credential is one key pair with the purposes it serves (<see cref="Purposes"/>). Signers call
    /// <see cref="EnsurePurpose"/> before using the key, so a card's authentication key is never used to sign a VIHF.</para>
    /// <para>Implementations must be thread-safe: many requests may sign at the same time. The private key never leaves
    /// the credential: <see cref="CreateRsa"/> returns an <see cref="RSA"/> whose private operations call
    /// <see cref="SignHash"/> and whose export and decryption throw.</para>
    /// </remarks>
    public abstract class SigningCredential : IDisposable
    {
        /// <summary>Creates the credential.</summary>
        protected SigningCredential()
        {
        }

        /// <summary>The certificate of the key pair (public part; used in KeyInfo and to verify).</summary>
        public abstract X509Certificate2 Certificate { get; }

        /// <summary>What this key pair may be used for.</summary>
        public abstract KeyPurposes Purposes { get; }

        /// <summary>A description for logs and errors: subject and thumbprint of the certificate. Never contains a PIN.</summary>
        public virtual string Description => $"{Certificate.Subject} ({Certificate.Thumbprint})";

        /// <summary>
        /// Signs a hash with the private key, RSA PKCS#1 v1.5 (the only padding CPS cards and the DMP use).
        /// </summary>
        /// <param name="hash">The hash to sign (its length must match <paramref name="hashAlgorithm"/>).</param>
        /// <param name="hashAlgorithm">The algorithm that produced the hash: SHA-256 by default in the SDK, SHA-1 only when configured.</param>
        /// <returns>The signature value.</returns>
        public abstract byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm);

        /// <summary>
        /// Throws <see cref="KeyPurposeException"/> unless this credential serves <paramref name="required"/>.
        /// </summary>
        /// <param name="required">The purpose the caller is about to use the key for.</param>
        public void EnsurePurpose(KeyPurposes required)
        {
            if (required == KeyPurposes.None || (Purposes & required) != required)
            {
                throw new KeyPurposeException(required, Purposes, Description);
            }
        }

        /// <summary>
        /// An <see cref="RSA"/> over this credential, for APIs such as <c>SignedXml</c>: signing calls
        /// <see cref="SignHash"/>; verification and encryption use the certificate's public key; exporting the private
        /// key and decrypting throw <see cref="CryptographicException"/>. Dispose it after use (the credential stays open).
        /// </summary>
        /// <returns>A new RSA object bound to this credential.</returns>
        public RSA CreateRsa() => new CredentialRsa(this);

        /// <summary>Releases the key (closes a session, frees a handle).</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases resources.</summary>
        /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
        protected virtual void Dispose(bool disposing)
        {
        }
    }
}
