using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml;

namespace DmpConnector.Security
{
    /// <summary>What the XAdES verifier accepts. Immutable.</summary>
    public sealed class XadesVerificationOptions
    {
        /// <summary>SHA-256 only, any certificate.</summary>
        public static XadesVerificationOptions Default { get; } = new();

        /// <summary>Accept RSA-SHA1 and SHA-1 digests (the official TD2.1 example). Off by default.</summary>
        public bool AllowSha1 { get; init; }

        /// <summary>When set, the signer's certificate must be this one.</summary>
        public X509Certificate2? ExpectedCertificate { get; init; }
    }

    /// <summary>The check of one manifest reference against the documents received.</summary>
    public sealed class XadesReferenceCheck
    {
        internal XadesReferenceCheck(string uri, bool received, bool matches)
        {
            Uri = uri;
            Received = received;
            Matches = matches;
        }

        /// <summary>The reference URI (<c>urn:oid:…</c>).</summary>
        public string Uri { get; }

        /// <summary>True when a document with that uniqueId was received.</summary>
        public bool Received { get; }

        /// <summary>True when the digest recomputed from the received document equals the signed one.</summary>
        public bool Matches { get; }
    }

    /// <summary>The result of checking a XAdES submission-set signature.</summary>
    public sealed class XadesVerification
    {
        internal XadesVerification(X509Certificate2 signerCertificate, string? signingTime, string? purposeOfSignature, IReadOnlyList<XadesReferenceCheck> references, IReadOnlyList<string> unreferenced)
        {
            SignerCertificate = signerCertificate;
            SigningTime = signingTime;
            PurposeOfSignature = purposeOfSignature;
            References = references;
            UnreferencedDocuments = unreferenced;
        }

        /// <summary>The signer's certificate (KeyInfo, matched by the XAdES SigningCertificate digest).</summary>
        public X509Certificate2 SignerCertificate { get; }

        /// <summary>The XAdES SigningTime as written, or null.</summary>
        public string? SigningTime { get; }

        /// <summary>The purpose of signature, or null.</summary>
        public string? PurposeOfSignature { get; }

        /// <summary>Every manifest reference with its check.</summary>
        public IReadOnlyList<XadesReferenceCheck> References { get; }

        /// <summary>uniqueIds of received documents the manifest does not reference.</summary>
        public IReadOnlyList<string> UnreferencedDocuments { get; }

        /// <summary>True when every reference was received and matches, and every received document is referenced.</summary>
        public bool AllReferencesMatch => References.All(r => r.Matches) && UnreferencedDocuments.Count == 0;
    }

    /// <summary>
    /// Verifies a XAdES submission-set signature: pinned algorithms, exactly the manifest and SignedProperties
    /// references (each resolving to one element inside this signature's own <c>ds:Object</c>s), no duplicate ids, the
    /// signature value, the SigningCertificate digest against the KeyInfo certificate, and — what
    /// <c>SignedXml.CheckSignature</c> alone does not do (pitfall 32) — every manifest digest recomputed from the documents
    /// actually received. Reads the official example's sloppy form (un-namespaced SignatureProperties).
    /// </summary>
    public class XadesVerifier
    {
        /// <summary>Creates a verifier.</summary>
        /// <param name="options">What to accept.</param>
        public XadesVerifier(XadesVerificationOptions? options = null)
        {
            Options = options ?? XadesVerificationOptions.Default;
        }

        /// <summary>The options.</summary>
        public XadesVerificationOptions Options { get; }

        /// <summary>Verifies the signature and every manifest digest; throws unless everything matches.</summary>
        /// <param name="signature">The signature document (loaded with whitespace preserved).</param>
        /// <param name="received">The SubmissionSet entry and documents received.</param>
        /// <returns>The result (all references match).</returns>
        /// <exception cref="SignatureVerificationException">Any failure; <see cref="SignatureRules.Manifest"/> for a digest mismatch or a missing document.</exception>
        public XadesVerification Verify(XmlDocument signature, IEnumerable<XadesDocumentReference> received)
        {
            XadesVerification result = Inspect(signature, received);
            if (!result.AllReferencesMatch)
            {
                string failed = string.Join(", ", result.References.Where(r => !r.Matches).Select(r => r.Uri + (r.Received ? " (digest differs)" : " (not received)")).Concat(result.UnreferencedDocuments.Select(u => "urn:oid:" + u + " (not in the manifest)")));
                throw new SignatureVerificationException(SignatureRules.Manifest, "the manifest does not match the documents received: " + failed);
            }

            return result;
        }

        /// <summary>
        /// Verifies the signature and reports each manifest reference without throwing for manifest mismatches (the
        /// signature itself must be valid).
        /// </summary>
        /// <param name="signature">The signature document.</param>
        /// <param name="received">The documents received.</param>
        /// <returns>The result.</returns>
#if NET
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TrimmingJustification.SignedXml)]
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = TrimmingJustification.SignedXml)]
#endif
        public virtual XadesVerification Inspect(XmlDocument signature, IEnumerable<XadesDocumentReference> received)
        {
            if (signature?.DocumentElement is not { } root || root.LocalName != "Signature" || root.NamespaceURI != XmlSignatureAlgorithms.XmlDsigNamespace)
            {
                throw new SignatureVerificationException(SignatureRules.Missing, "the document is not a ds:Signature");
            }

            if (received is null)
            {
                throw new ArgumentNullException(nameof(received));
            }

            XmlIds.EnsureUnique(signature);
            if (root.GetElementsByTagName("Signature", XmlSignatureAlgorithms.XmlDsigNamespace).Count > 0)
            {
                throw new SignatureVerificationException(SignatureRules.Placement, "a signature inside the signature");
            }

            XmlElement signedInfo = XmlSignatureVerifier.SingleChild(root, "SignedInfo", SignatureRules.Placement);
            string canonicalization = XmlSignatureVerifier.Algorithm(XmlSignatureVerifier.SingleChild(signedInfo, "CanonicalizationMethod", SignatureRules.Algorithm));
            if (!XadesDigests.IsSupportedCanonicalization(canonicalization))
            {
                throw new SignatureVerificationException(SignatureRules.Algorithm, $"canonicalization '{XmlIds.Shorten(canonicalization)}' is not accepted");
            }

            string signatureMethod = XmlSignatureVerifier.Algorithm(XmlSignatureVerifier.SingleChild(signedInfo, "SignatureMethod", SignatureRules.Algorithm));
            Pin(XmlSignatureAlgorithms.HashOfSignatureMethod(signatureMethod), signatureMethod, "signature method");

            List<XmlElement> references = XmlSignatureVerifier.Children(signedInfo, "Reference");
            XmlElement? manifest = null;
            XmlElement? signedProperties = null;
            if (references.Count != 2)
            {
                throw new SignatureVerificationException(SignatureRules.Reference, $"expected the manifest and SignedProperties references, found {references.Count} references");
            }

            foreach (XmlElement reference in references)
            {
                string type = reference.GetAttribute("Type");
                XmlElement target = ResolveInObjects(root, reference.GetAttribute("URI"));
                CheckSameDocumentTransforms(reference);
                Pin(XmlSignatureAlgorithms.HashOfDigest(XmlSignatureVerifier.Algorithm(XmlSignatureVerifier.SingleChild(reference, "DigestMethod", SignatureRules.Algorithm))), "digest", "digest method");
                if (type == XadesSubmissionSetSigner.ManifestType && target.LocalName == "Manifest" && target.NamespaceURI == XmlSignatureAlgorithms.XmlDsigNamespace && manifest is null)
                {
                    manifest = target;
                }
                else if (type.EndsWith("#SignedProperties", StringComparison.Ordinal) && target.LocalName == "SignedProperties" && signedProperties is null)
                {
                    signedProperties = target;
                }
                else
                {
                    throw new SignatureVerificationException(SignatureRules.Reference, "a reference is neither the manifest nor the SignedProperties, or one of them is referenced twice");
                }
            }

            X509Certificate2 certificate = XmlSignatureVerifier.KeyInfoCertificate(root);
            if (Options.ExpectedCertificate is { } expected && !XmlSignatureVerifier.SameCertificate(expected, certificate))
            {
                throw new SignatureVerificationException(SignatureRules.Certificate, $"the signature was made with '{certificate.Subject}', not with the expected certificate '{expected.Subject}'");
            }

            XmlSignatureAlgorithms.EnsureRsaSha256Registered();
            var signedXml = new IdResolvingSignedXml(signature, "Id");
            signedXml.LoadXml(root);
            using (RSA? key = certificate.GetRSAPublicKey())
            {
                if (key is null || !signedXml.CheckSignature(key))
                {
                    throw new SignatureVerificationException(SignatureRules.Invalid, "the signature value or a SignedInfo digest (manifest or SignedProperties) does not match");
                }
            }

            // Bare-name references drop comments from the digest: none may hide in the signed objects.
            XmlSignatureVerifier.RejectUnsignedNodes(manifest!);
            XmlSignatureVerifier.RejectUnsignedNodes(signedProperties!);
            CheckSigningCertificate(signedProperties!, certificate);
            string? signingTime = FirstText(signedProperties!, "SigningTime");
            string? purpose = null;
            foreach (XmlElement property in XmlIds.Elements(root))
            {
                if (property.LocalName == "SignatureProperty" && property.GetAttribute("Id") == "purposeOfSignature")
                {
                    purpose = property.InnerText.Trim();
                }
            }

            return CheckManifest(manifest!, received, signingTime, purpose, certificate);
        }

        private XadesVerification CheckManifest(XmlElement manifest, IEnumerable<XadesDocumentReference> received, string? signingTime, string? purpose, X509Certificate2 certificate)
        {
            var byUri = new Dictionary<string, XadesDocumentReference>(StringComparer.Ordinal);
            foreach (XadesDocumentReference document in received)
            {
                byUri[document.Uri] = document;
            }

            var checks = new List<XadesReferenceCheck>();
            var referenced = new HashSet<string>(StringComparer.Ordinal);
            foreach (XmlElement reference in XmlSignatureVerifier.Children(manifest, "Reference"))
            {
                string uri = reference.GetAttribute("URI");
                if (!referenced.Add(uri))
                {
                    throw new SignatureVerificationException(SignatureRules.Manifest, $"the manifest references {XmlIds.Shorten(uri)} twice");
                }

                string digestMethod = XmlSignatureVerifier.Algorithm(XmlSignatureVerifier.SingleChild(reference, "DigestMethod", SignatureRules.Algorithm));
                XmlSignatureHash hash = Pin(XmlSignatureAlgorithms.HashOfDigest(digestMethod), digestMethod, "manifest digest method");
                string? canonicalization = ManifestTransform(reference);
                if (!byUri.TryGetValue(uri, out XadesDocumentReference? document))
                {
                    checks.Add(new XadesReferenceCheck(uri, received: false, matches: false));
                    continue;
                }

                byte[] expected;
                try
                {
                    expected = Convert.FromBase64String(XmlSignatureVerifier.SingleChild(reference, "DigestValue", SignatureRules.Manifest).InnerText);
                }
                catch (FormatException)
                {
                    throw new SignatureVerificationException(SignatureRules.Manifest, $"the digest of {XmlIds.Shorten(uri)} is not base64");
                }

                byte[] actual = XadesDigests.Compute(document, canonicalization, hash);
                checks.Add(new XadesReferenceCheck(uri, received: true, matches: actual.SequenceEqual(expected)));
            }

            List<string> unreferenced = byUri.Values.Where(d => !referenced.Contains(d.Uri)).Select(d => d.UniqueId).ToList();
            return new XadesVerification(certificate, signingTime, purpose, checks, unreferenced);
        }

        private XmlSignatureHash Pin(XmlSignatureHash? hash, string uri, string what)
        {
            if (hash is null || (hash == XmlSignatureHash.Sha1 && !Options.AllowSha1))
            {
                throw new SignatureVerificationException(SignatureRules.Algorithm, $"{what} '{XmlIds.Shorten(uri)}' is not accepted ({(Options.AllowSha1 ? "SHA-256 or SHA-1" : "SHA-256 only; SHA-1 needs AllowSha1")})");
            }

            return hash.Value;
        }

        private static XmlElement ResolveInObjects(XmlElement root, string uri)
        {
            if (uri.Length < 2 || uri[0] != '#')
            {
                throw new SignatureVerificationException(SignatureRules.Reference, $"SignedInfo references '{XmlIds.Shorten(uri)}', not an element of this signature");
            }

            string id = uri.Substring(1);
            XmlElement? found = null;
            foreach (XmlNode child in root.ChildNodes)
            {
                if (child is XmlElement obj && obj.LocalName == "Object" && obj.NamespaceURI == XmlSignatureAlgorithms.XmlDsigNamespace)
                {
                    foreach (XmlElement element in XmlIds.Elements(obj))
                    {
                        if (element.GetAttribute("Id") == id)
                        {
                            found = element;
                        }
                    }
                }
            }

            return found ?? throw new SignatureVerificationException(SignatureRules.Reference, $"'{XmlIds.Shorten(uri)}' is not inside this signature's ds:Object elements");
        }

        private static void CheckSameDocumentTransforms(XmlElement reference)
        {
            List<XmlElement> transforms = XmlSignatureVerifier.Children(reference, "Transforms");
            if (transforms.Count == 0)
            {
                return;
            }

            foreach (XmlElement transform in XmlSignatureVerifier.Children(transforms[0], "Transform"))
            {
                if (!XadesDigests.IsSupportedCanonicalization(XmlSignatureVerifier.Algorithm(transform)))
                {
                    throw new SignatureVerificationException(SignatureRules.Algorithm, $"transform '{XmlIds.Shorten(XmlSignatureVerifier.Algorithm(transform))}' is not accepted");
                }
            }
        }

        private static string? ManifestTransform(XmlElement reference)
        {
            List<XmlElement> transforms = XmlSignatureVerifier.Children(reference, "Transforms");
            if (transforms.Count == 0)
            {
                return null;
            }

            List<XmlElement> list = XmlSignatureVerifier.Children(transforms[0], "Transform");
            if (list.Count != 1 || !XadesDigests.IsSupportedCanonicalization(XmlSignatureVerifier.Algorithm(list[0])))
            {
                throw new SignatureVerificationException(SignatureRules.Algorithm, "a manifest reference may only have one canonicalization transform");
            }

            return XmlSignatureVerifier.Algorithm(list[0]);
        }

        private void CheckSigningCertificate(XmlElement signedProperties, X509Certificate2 certificate)
        {
            foreach (XmlElement certDigest in XmlIds.Elements(signedProperties).Where(e => e.LocalName == "CertDigest"))
            {
                XmlElement? method = certDigest.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == "DigestMethod");
                XmlElement? value = certDigest.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == "DigestValue");
                XmlSignatureHash? hash = XmlSignatureAlgorithms.HashOfDigest(method?.GetAttribute("Algorithm"));
                if (hash is null || value is null || (hash == XmlSignatureHash.Sha1 && !Options.AllowSha1))
                {
                    continue;
                }

                try
                {
                    if (XadesDigests.HashBytes(certificate.RawData, hash.Value).SequenceEqual(Convert.FromBase64String(value.InnerText)))
                    {
                        return;
                    }
                }
                catch (FormatException)
                {
                    // not base64: not a match
                }
            }

            throw new SignatureVerificationException(SignatureRules.Properties, "no XAdES SigningCertificate digest matches the certificate that signed");
        }

        private static string? FirstText(XmlElement parent, string localName) =>
            XmlIds.Elements(parent).FirstOrDefault(e => e.LocalName == localName)?.InnerText.Trim();
    }
}
