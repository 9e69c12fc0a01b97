using System;
using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace DmpConnector.Security
{
    /// <summary>
    /// Signs an XML element with an enveloped XML signature (the VIHF assertion): exclusive c14n with the configured
    /// <c>InclusiveNamespaces PrefixList</c>, RSA-SHA256 by default (RSA-SHA1 only when configured), one reference to the
    /// element's own id with the enveloped-signature and exclusive c14n transforms, and <c>KeyInfo/X509Data</c> with the
    /// signer's certificate. The key is used only through <see cref="SigningCredential.CreateRsa"/>, after
    /// <see cref="SigningCredential.EnsurePurpose"/> checked it is a signature key.
    /// </summary>
    /// <remarks>
    /// Thread-safe (no mutable state). The element is changed in place: the <c>ds:Signature</c> is inserted after
    /// <c>insertAfter</c> (the SAML <c>Issuer</c>) or as the first child. Never pretty-print or re-serialise the result
    /// through a writer that changes whitespace or prefixes: the digest covers them (pitfall 9).
    /// </remarks>
    public class EnvelopedXmlSigner
    {
        /// <summary>Creates a signer.</summary>
        /// <param name="options">Algorithms; <see cref="XmlSignatureOptions.Default"/> when null.</param>
        public EnvelopedXmlSigner(XmlSignatureOptions? options = null)
        {
            Options = options ?? XmlSignatureOptions.Default;
        }

        /// <summary>The algorithms this signer uses.</summary>
        public XmlSignatureOptions Options { get; }

        /// <summary>Signs <paramref name="element"/> in place and returns the inserted <c>ds:Signature</c>.</summary>
        /// <param name="element">The element to sign; it must carry an id in <paramref name="idAttributeName"/>, unique in its document.</param>
        /// <param name="idAttributeName">The id attribute, e.g. <c>ID</c> for SAML.</param>
        /// <param name="credential">The signing key (must serve <see cref="KeyPurposes.Signature"/>).</param>
        /// <param name="insertAfter">A child of <paramref name="element"/> after which the signature goes, or null for first child.</param>
        /// <returns>The signature element, now part of <paramref name="element"/>.</returns>
#if NET
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TrimmingJustification.SignedXml)]
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = TrimmingJustification.SignedXml)]
#endif
        public virtual XmlElement Sign(XmlElement element, string idAttributeName, SigningCredential credential, XmlElement? insertAfter)
        {
            if (element is null)
            {
                throw new ArgumentNullException(nameof(element));
            }

            if (credential is null)
            {
                throw new ArgumentNullException(nameof(credential));
            }

            credential.EnsurePurpose(KeyPurposes.Signature);
            string id = element.GetAttribute(idAttributeName);
            if (id.Length == 0)
            {
                throw new DmpInputException(idAttributeName, SignatureRules.DuplicateId, "the element to sign needs an id attribute that the reference points to", null, valueIsSensitive: false);
            }

            XmlDocument document = element.OwnerDocument ?? throw new ArgumentException("The element must belong to a document.", nameof(element));
            if (insertAfter is not null && insertAfter.ParentNode != element)
            {
                throw new ArgumentException("insertAfter must be a child of the signed element.", nameof(insertAfter));
            }

            try
            {
                XmlIds.EnsureUnique(document);
            }
            catch (SignatureVerificationException ex)
            {
                throw new DmpInputException(idAttributeName, SignatureRules.DuplicateId, ex.Reason, id, valueIsSensitive: false);
            }

            if (element.GetElementsByTagName("Signature", XmlSignatureAlgorithms.XmlDsigNamespace).Count > 0)
            {
                throw new DmpInputException(element.LocalName, SignatureRules.Placement, "the element is already signed", null, valueIsSensitive: false);
            }

            XmlSignatureAlgorithms.EnsureRsaSha256Registered();
            string? prefixList = string.IsNullOrWhiteSpace(Options.InclusiveNamespacesPrefixList) ? null : Options.InclusiveNamespacesPrefixList;
            using RSA key = credential.CreateRsa();
            var signedXml = new IdResolvingSignedXml(document, idAttributeName) { SigningKey = key };
            signedXml.SignedInfo!.CanonicalizationMethod = XmlSignatureAlgorithms.ExclusiveC14N;
            if (prefixList is not null && signedXml.SignedInfo.CanonicalizationMethodObject is XmlDsigExcC14NTransform canonicalization)
            {
                canonicalization.InclusiveNamespacesPrefixList = prefixList;
            }

            signedXml.SignedInfo.SignatureMethod = XmlSignatureAlgorithms.SignatureMethodFor(Options.Hash);
            var reference = new Reference("#" + id) { DigestMethod = XmlSignatureAlgorithms.DigestMethodFor(Options.Hash) };
            reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
            reference.AddTransform(prefixList is null ? new XmlDsigExcC14NTransform() : new XmlDsigExcC14NTransform(prefixList));
            signedXml.AddReference(reference);
            var keyInfo = new KeyInfo();
            keyInfo.AddClause(new KeyInfoX509Data(credential.Certificate));
            signedXml.KeyInfo = keyInfo;
            signedXml.ComputeSignature();

            XmlElement signature = (XmlElement)document.ImportNode(signedXml.GetXml(), deep: true);
            if (insertAfter is null)
            {
                element.PrependChild(signature);
            }
            else
            {
                element.InsertAfter(signature, insertAfter);
            }

            return signature;
        }
    }

    /// <summary>
    /// A <see cref="SignedXml"/> that resolves a reference only to the one element carrying the id in the expected
    /// attribute, and to nothing when two elements carry it.
    /// </summary>
    internal sealed class IdResolvingSignedXml : SignedXml
    {
        private readonly string _idAttributeName;

#if NET
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TrimmingJustification.SignedXml)]
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = TrimmingJustification.SignedXml)]
#endif
        public IdResolvingSignedXml(XmlDocument document, string idAttributeName)
            : base(document)
        {
            _idAttributeName = idAttributeName;
        }

#if NET
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TrimmingJustification.SignedXml)]
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = TrimmingJustification.SignedXml)]
#endif
        public IdResolvingSignedXml(XmlElement element, string idAttributeName)
            : base(element)
        {
            _idAttributeName = idAttributeName;
        }

        public override XmlElement? GetIdElement(XmlDocument? document, string idValue)
        {
            if (document is null)
            {
                return null;
            }

            if (XmlIds.Count(document, idValue) != 1)
            {
                return null;
            }

            foreach (XmlElement element in XmlIds.Elements(document.DocumentElement))
            {
                if (element.GetAttribute(_idAttributeName) == idValue)
                {
                    return element;
                }
            }

            return null;
        }
    }
}

namespace DmpConnector.Security
{
    internal static class TrimmingJustification
    {
        public const string SignedXml = "Only the algorithms the SDK pins are used (exclusive/inclusive c14n, enveloped signature, RSA-SHA256/SHA-1); "
            + "they are referenced statically by System.Security.Cryptography.Xml. Verification checks the algorithms before SignedXml runs, so the XSLT transform is never used.";
    }
}
