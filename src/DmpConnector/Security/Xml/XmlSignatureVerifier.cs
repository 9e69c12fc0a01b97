using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace DmpConnector.Security
{
    /// <summary>What the verifier accepts. Immutable.</summary>
    public sealed class XmlSignatureVerificationOptions
    {
        /// <summary>RSA-SHA256 only, any certificate, id attribute <c>ID</c>.</summary>
        public static XmlSignatureVerificationOptions Default { get; } = new();

        /// <summary>
        /// Accept RSA-SHA1 and SHA-1 digests (the official DMP examples of 2019–2020). Off by default.
        /// </summary>
        public bool AllowSha1 { get; init; }

        /// <summary>
        /// When set, the certificate in KeyInfo must be this one (byte for byte): a signature made with another key,
        /// even a valid one, is rejected (KeyInfo substitution).
        /// </summary>
        public X509Certificate2? ExpectedCertificate { get; init; }

        /// <summary>The id attribute of the signed element (<c>ID</c> for SAML assertions).</summary>
        public string IdAttributeName { get; init; } = "ID";
    }

    /// <summary>The result of a successful verification.</summary>
    public sealed class XmlSignatureVerification
    {
        internal XmlSignatureVerification(X509Certificate2 signerCertificate, string signatureMethod, string digestMethod, string signedElementId)
        {
            SignerCertificate = signerCertificate;
            SignatureMethod = signatureMethod;
            DigestMethod = digestMethod;
            SignedElementId = signedElementId;
        }

        /// <summary>
        /// The certificate whose key made the signature (from KeyInfo). The verifier proves the element was signed with
        /// this key; whether the key may speak for the issuer (chain, revocation, purpose) is the caller's check.
        /// </summary>
        public X509Certificate2 SignerCertificate { get; }

        /// <summary>The signature method URI.</summary>
        public string SignatureMethod { get; }

        /// <summary>The digest method URI.</summary>
        public string DigestMethod { get; }

        /// <summary>The id of the signed element.</summary>
        public string SignedElementId { get; }
    }

    /// <summary>
    /// Verifies an enveloped XML signature (the VIHF assertion) with pinned algorithms and the shape checks that defeat
    /// signature wrapping: exactly one <c>ds:Signature</c>, a direct child of the signed element; exactly one reference,
    /// to the signed element's own id; exactly the enveloped-signature and exclusive c14n transforms; no duplicate ids
    /// in the document; no comment or processing instruction inside the signed element (dropped by the
    /// canonicalization, so not covered by the digest); exactly one certificate in KeyInfo, optionally pinned.
    /// </summary>
    /// <remarks>Thread-safe. Load the XML with whitespace preserved (<c>SafeXml</c> does) before verifying.</remarks>
    public class XmlSignatureVerifier
    {
        /// <summary>Creates a verifier.</summary>
        /// <param name="options">What to accept; <see cref="XmlSignatureVerificationOptions.Default"/> when null.</param>
        public XmlSignatureVerifier(XmlSignatureVerificationOptions? options = null)
        {
            Options = options ?? XmlSignatureVerificationOptions.Default;
        }

        /// <summary>What this verifier accepts.</summary>
        public XmlSignatureVerificationOptions Options { get; }

        /// <summary>Verifies the signature of the document element.</summary>
        /// <param name="document">The document, loaded with whitespace preserved.</param>
        /// <returns>The signer's certificate and the algorithms used.</returns>
        /// <exception cref="SignatureVerificationException">The signature is missing, invalid or of a refused shape.</exception>
        public XmlSignatureVerification Verify(XmlDocument document)
        {
            if (document?.DocumentElement is null)
            {
                throw new SignatureVerificationException(SignatureRules.Missing, "the document is empty");
            }

            return Verify(document.DocumentElement);
        }

        /// <summary>Verifies the enveloped signature of <paramref name="signedElement"/>.</summary>
        /// <param name="signedElement">The signed element (e.g. a SAML assertion, possibly inside a SOAP header).</param>
        /// <returns>The signer's certificate and the algorithms used.</returns>
        /// <exception cref="SignatureVerificationException">The signature is missing, invalid or of a refused shape.</exception>
#if NET
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TrimmingJustification.SignedXml)]
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = TrimmingJustification.SignedXml)]
#endif
        public virtual XmlSignatureVerification Verify(XmlElement signedElement)
        {
            if (signedElement is null)
            {
                throw new ArgumentNullException(nameof(signedElement));
            }

            XmlDocument document = signedElement.OwnerDocument;
            string id = signedElement.GetAttribute(Options.IdAttributeName);
            if (id.Length == 0)
            {
                throw new SignatureVerificationException(SignatureRules.Reference, $"the signed element has no {Options.IdAttributeName} attribute");
            }

            XmlElement signature = SingleSignature(signedElement);
            XmlIds.EnsureUnique(document);
            RejectUnsignedNodes(signedElement);
            RejectUnsignedTypePrefixes(signedElement);

            XmlElement signedInfo = SingleChild(signature, "SignedInfo", SignatureRules.Placement);
            string canonicalization = Algorithm(SingleChild(signedInfo, "CanonicalizationMethod", SignatureRules.Algorithm));
            if (canonicalization != XmlSignatureAlgorithms.ExclusiveC14N)
            {
                throw new SignatureVerificationException(SignatureRules.Algorithm, $"canonicalization '{XmlIds.Shorten(canonicalization)}' is not accepted (exclusive c14n only)");
            }

            string signatureMethod = Algorithm(SingleChild(signedInfo, "SignatureMethod", SignatureRules.Algorithm));
            XmlSignatureHash? signatureHash = XmlSignatureAlgorithms.HashOfSignatureMethod(signatureMethod);
            if (signatureHash is null || (signatureHash == XmlSignatureHash.Sha1 && !Options.AllowSha1))
            {
                throw new SignatureVerificationException(SignatureRules.Algorithm, $"signature method '{XmlIds.Shorten(signatureMethod)}' is not accepted ({(Options.AllowSha1 ? "RSA-SHA256 or RSA-SHA1" : "RSA-SHA256 only; RSA-SHA1 needs AllowSha1")})");
            }

            List<XmlElement> references = Children(signedInfo, "Reference");
            if (references.Count != 1)
            {
                throw new SignatureVerificationException(SignatureRules.Reference, $"expected exactly one reference, found {references.Count}");
            }

            XmlElement reference = references[0];
            if (reference.GetAttribute("URI") != "#" + id)
            {
                throw new SignatureVerificationException(SignatureRules.Reference, "the reference does not point to the signed element's own id");
            }

            CheckTransforms(reference);
            string digestMethod = Algorithm(SingleChild(reference, "DigestMethod", SignatureRules.Algorithm));
            XmlSignatureHash? digestHash = XmlSignatureAlgorithms.HashOfDigest(digestMethod);
            if (digestHash is null || (digestHash == XmlSignatureHash.Sha1 && !Options.AllowSha1))
            {
                throw new SignatureVerificationException(SignatureRules.Algorithm, $"digest method '{XmlIds.Shorten(digestMethod)}' is not accepted");
            }

            X509Certificate2 certificate = KeyInfoCertificate(signature);
            if (Options.ExpectedCertificate is { } expected && !SameCertificate(expected, certificate))
            {
                throw new SignatureVerificationException(SignatureRules.Certificate, $"the signature was made with '{certificate.Subject}', not with the expected certificate '{expected.Subject}'");
            }

            XmlSignatureAlgorithms.EnsureRsaSha256Registered();
            var signedXml = new IdResolvingSignedXml(signedElement, Options.IdAttributeName);
            signedXml.LoadXml(signature);
            using RSA? publicKey = certificate.GetRSAPublicKey();
            if (publicKey is null)
            {
                throw new SignatureVerificationException(SignatureRules.KeyInfo, "the certificate in KeyInfo has no RSA key");
            }

            bool valid;
            try
            {
                valid = signedXml.CheckSignature(publicKey);
            }
            catch (CryptographicException ex)
            {
                throw new SignatureVerificationException(SignatureRules.Invalid, "the signature could not be checked: " + ex.Message);
            }

            if (!valid)
            {
                throw new SignatureVerificationException(SignatureRules.Invalid, "the digest or the signature value does not match: the signed content was changed or signed with another key");
            }

            return new XmlSignatureVerification(certificate, signatureMethod, digestMethod, id);
        }

        internal static bool SameCertificate(X509Certificate2 a, X509Certificate2 b) =>
            System.Linq.Enumerable.SequenceEqual(a.RawData, b.RawData);

        private static XmlElement SingleSignature(XmlElement signedElement)
        {
            XmlNodeList all = signedElement.OwnerDocument.GetElementsByTagName("Signature", XmlSignatureAlgorithms.XmlDsigNamespace);
            XmlElement? own = null;
            int inside = 0;
            foreach (XmlElement candidate in all)
            {
                if (IsWithin(candidate, signedElement))
                {
                    inside++;
                    own = candidate;
                }
            }

            if (inside == 0)
            {
                throw new SignatureVerificationException(SignatureRules.Missing, "the element is not signed");
            }

            if (inside > 1)
            {
                throw new SignatureVerificationException(SignatureRules.Placement, $"the element holds {inside} signatures; exactly one is accepted");
            }

            if (own!.ParentNode != signedElement)
            {
                throw new SignatureVerificationException(SignatureRules.Placement, "the signature is not a direct child of the signed element");
            }

            return own;
        }

        private static bool IsWithin(XmlNode node, XmlElement ancestor)
        {
            for (XmlNode? current = node.ParentNode; current is not null; current = current.ParentNode)
            {
                if (current == ancestor)
                {
                    return true;
                }
            }

            return false;
        }

        internal static void RejectUnsignedNodes(XmlElement signedElement)
        {
            foreach (XmlElement element in XmlIds.Elements(signedElement))
            {
                foreach (XmlNode child in element.ChildNodes)
                {
                    if (child.NodeType is XmlNodeType.Comment or XmlNodeType.ProcessingInstruction)
                    {
                        throw new SignatureVerificationException(SignatureRules.Comment, $"a {(child.NodeType == XmlNodeType.Comment ? "comment" : "processing instruction")} inside <{element.LocalName}> is not covered by the signature");
                    }
                }
            }
        }

        /// <summary>
        /// Exclusive c14n drops a namespace declaration that only a QName in an attribute value uses (the <c>xs</c> of
        /// <c>xsi:type="xs:string"</c>), so its binding is not signed: it must be the XML Schema namespace.
        /// </summary>
        internal static void RejectUnsignedTypePrefixes(XmlElement signedElement)
        {
            const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
            const string XsdNamespace = "http://www.w3.org/2001/XMLSchema";
            foreach (XmlElement element in XmlIds.Elements(signedElement))
            {
                XmlAttribute? type = element.GetAttributeNode("type", XsiNamespace);
                if (type is null)
                {
                    continue;
                }

                int colon = type.Value.IndexOf(':');
                if (colon > 0 && element.GetNamespaceOfPrefix(type.Value.Substring(0, colon)) != XsdNamespace)
                {
                    throw new SignatureVerificationException(SignatureRules.TypePrefix, $"the prefix of xsi:type '{XmlIds.Shorten(type.Value)}' in <{element.LocalName}> is not bound to the XML Schema namespace; that binding is not covered by exclusive c14n");
                }
            }
        }

        private static void CheckTransforms(XmlElement reference)
        {
            XmlElement transforms = SingleChild(reference, "Transforms", SignatureRules.Algorithm);
            List<XmlElement> list = Children(transforms, "Transform");
            if (list.Count != 2
                || Algorithm(list[0]) != XmlSignatureAlgorithms.EnvelopedSignature
                || Algorithm(list[1]) != XmlSignatureAlgorithms.ExclusiveC14N)
            {
                throw new SignatureVerificationException(SignatureRules.Algorithm, "the reference must have exactly the enveloped-signature and exclusive c14n transforms");
            }
        }

        internal static X509Certificate2 KeyInfoCertificate(XmlElement signature)
        {
            XmlElement keyInfo = SingleChild(signature, "KeyInfo", SignatureRules.KeyInfo);
            var certificates = new List<XmlElement>();
            foreach (XmlNode child in keyInfo.ChildNodes)
            {
                if (child is not XmlElement element)
                {
                    continue;
                }

                if (element.LocalName != "X509Data" || element.NamespaceURI != XmlSignatureAlgorithms.XmlDsigNamespace)
                {
                    throw new SignatureVerificationException(SignatureRules.KeyInfo, $"KeyInfo may only carry X509Data, not <{element.LocalName}>");
                }

                certificates.AddRange(Children(element, "X509Certificate"));
            }

            if (certificates.Count != 1)
            {
                throw new SignatureVerificationException(SignatureRules.KeyInfo, $"KeyInfo must carry exactly one X509Certificate, found {certificates.Count}");
            }

            try
            {
                byte[] raw = Convert.FromBase64String(certificates[0].InnerText);
#if NET9_0_OR_GREATER
                return X509CertificateLoader.LoadCertificate(raw);
#else
                return new X509Certificate2(raw);
#endif
            }
            catch (Exception ex) when (ex is FormatException or CryptographicException)
            {
                throw new SignatureVerificationException(SignatureRules.KeyInfo, "the X509Certificate in KeyInfo is not a certificate");
            }
        }

        internal static string Algorithm(XmlElement element) => element.GetAttribute("Algorithm");

        internal static List<XmlElement> Children(XmlElement parent, string localName)
        {
            var list = new List<XmlElement>();
            foreach (XmlNode child in parent.ChildNodes)
            {
                if (child is XmlElement e && e.LocalName == localName && e.NamespaceURI == XmlSignatureAlgorithms.XmlDsigNamespace)
                {
                    list.Add(e);
                }
            }

            return list;
        }

        internal static XmlElement SingleChild(XmlElement parent, string localName, string rule)
        {
            List<XmlElement> list = Children(parent, localName);
            if (list.Count != 1)
            {
                throw new SignatureVerificationException(rule, $"expected exactly one ds:{localName} in ds:{parent.LocalName}, found {list.Count}");
            }

            return list[0];
        }
    }
}
