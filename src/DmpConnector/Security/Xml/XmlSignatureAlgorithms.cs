using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace DmpConnector.Security
{
    /// <summary>
    /// The XML-signature algorithm identifiers the SDK writes and accepts, and the ANS inclusive-namespace prefix list.
    /// </summary>
    public static class XmlSignatureAlgorithms
    {
        /// <summary>RSA PKCS#1 v1.5 with SHA-256, the SDK's default signature method.</summary>
        public const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

        /// <summary>RSA PKCS#1 v1.5 with SHA-1: the official DMP examples (2019–2020); only when configured.</summary>
        public const string RsaSha1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";

        /// <summary>SHA-256 digest.</summary>
        public const string Sha256 = "http://www.w3.org/2001/04/xmlenc#sha256";

        /// <summary>SHA-1 digest; only when configured.</summary>
        public const string Sha1 = "http://www.w3.org/2000/09/xmldsig#sha1";

        /// <summary>Exclusive canonicalization without comments (VIHF).</summary>
        public const string ExclusiveC14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

        /// <summary>Inclusive canonicalization without comments.</summary>
        public const string C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";

        /// <summary>Inclusive canonicalization with comments (the official XAdES submission-set signature).</summary>
        public const string C14NWithComments = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";

        /// <summary>The enveloped-signature transform.</summary>
        public const string EnvelopedSignature = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

        /// <summary>The xmldsig namespace.</summary>
        public const string XmlDsigNamespace = "http://www.w3.org/2000/09/xmldsig#";

        /// <summary>
        /// The <c>InclusiveNamespaces PrefixList</c> of the ANS material (HL7v2 mapping page and the ANS C# kit) for
        /// exclusive canonicalization of the VIHF: <c>ds saml #default xsi</c>.
        /// </summary>
        public const string AnsInclusiveNamespacesPrefixList = "ds saml #default xsi";

#if !NET
        private static readonly object RegistrationLock = new();
        private static volatile bool _registered;
#endif

        /// <summary>The signature method URI for a hash.</summary>
        /// <param name="hash">The hash.</param>
        /// <returns>The URI.</returns>
        public static string SignatureMethodFor(XmlSignatureHash hash) => hash == XmlSignatureHash.Sha1 ? RsaSha1 : RsaSha256;

        /// <summary>The digest method URI for a hash.</summary>
        /// <param name="hash">The hash.</param>
        /// <returns>The URI.</returns>
        public static string DigestMethodFor(XmlSignatureHash hash) => hash == XmlSignatureHash.Sha1 ? Sha1 : Sha256;

        internal static HashAlgorithmName HashAlgorithmName(XmlSignatureHash hash) => hash == XmlSignatureHash.Sha1 ? System.Security.Cryptography.HashAlgorithmName.SHA1 : System.Security.Cryptography.HashAlgorithmName.SHA256;

        internal static XmlSignatureHash? HashOfDigest(string? uri) => uri switch
        {
            Sha256 => XmlSignatureHash.Sha256,
            Sha1 => XmlSignatureHash.Sha1,
            _ => null,
        };

        internal static XmlSignatureHash? HashOfSignatureMethod(string? uri) => uri switch
        {
            RsaSha256 => XmlSignatureHash.Sha256,
            RsaSha1 => XmlSignatureHash.Sha1,
            _ => null,
        };

        /// <summary>
        /// On .NET Framework (the netstandard2.0 build), makes sure RSA-SHA256 has a <see cref="SignatureDescription"/>
        /// (pitfall: "SignatureDescription could not be created", microsoft/dotnet#430). Registers one only when the
        /// runtime has none for that URI, once per process; on .NET (Core) nothing is touched.
        /// </summary>
        internal static void EnsureRsaSha256Registered()
        {
#if !NET
            if (_registered)
            {
                return;
            }

            lock (RegistrationLock)
            {
                if (_registered)
                {
                    return;
                }

                if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal)
                    && CryptoConfig.CreateFromName(RsaSha256) is null)
                {
                    CryptoConfig.AddAlgorithm(typeof(RsaPkcs1Sha256SignatureDescription), RsaSha256);
                }

                _registered = true;
            }
#endif
        }
    }

    /// <summary>The hash of a signature and of its digests.</summary>
    public enum XmlSignatureHash
    {
        /// <summary>SHA-256 (default).</summary>
        Sha256 = 0,

        /// <summary>SHA-1, as in the official DMP examples; only when explicitly configured.</summary>
        Sha1 = 1,
    }

#if !NET
    /// <summary>RSA PKCS#1 v1.5 SHA-256 for runtimes that lack it (.NET Framework before the algorithm was built in).</summary>
    internal sealed class RsaPkcs1Sha256SignatureDescription : SignatureDescription
    {
        public RsaPkcs1Sha256SignatureDescription()
        {
            KeyAlgorithm = typeof(RSA).AssemblyQualifiedName;
            DigestAlgorithm = typeof(SHA256).AssemblyQualifiedName;
            FormatterAlgorithm = typeof(RSAPKCS1SignatureFormatter).AssemblyQualifiedName;
            DeformatterAlgorithm = typeof(RSAPKCS1SignatureDeformatter).AssemblyQualifiedName;
        }

        public override HashAlgorithm CreateDigest() => SHA256.Create();

        public override AsymmetricSignatureFormatter CreateFormatter(AsymmetricAlgorithm key)
        {
            var formatter = new RSAPKCS1SignatureFormatter(key);
            formatter.SetHashAlgorithm("SHA256");
            return formatter;
        }

        public override AsymmetricSignatureDeformatter CreateDeformatter(AsymmetricAlgorithm key)
        {
            var deformatter = new RSAPKCS1SignatureDeformatter(key);
            deformatter.SetHashAlgorithm("SHA256");
            return deformatter;
        }
    }
#endif
}
