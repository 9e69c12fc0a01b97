using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Xml;
using DmpConnector.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DmpConnector.Security
{
    /// <summary>
    /// Makes the XAdES submission-set signature (IHE DSG) the DMP's TD2.1 sends beside the CDA: a <c>ds:Signature</c>
    /// whose SignedInfo references a <c>ds:Manifest</c> (one reference per <c>urn:oid:</c> uniqueId, SubmissionSet first,
    /// digests computed by the SDK from the content) and the XAdES <c>SignedProperties</c> (SigningTime,
    /// SigningCertificate, SignaturePolicyImplied), with the purpose-of-signature property. Namespaced correctly (the
    /// official example's un-namespaced SignatureProperties is not reproduced; pitfall 33).
    /// </summary>
    /// <remarks>Thread-safe. Signs through <see cref="SigningCredential.CreateRsa"/> after checking the key's purpose.</remarks>
    public class XadesSubmissionSetSigner
    {
        /// <summary>The <c>Type</c> of the SignedInfo reference to the manifest.</summary>
        public const string ManifestType = "http://www.w3.org/2000/09/xmldsig#Manifest";

        private readonly ISecurityClock _clock;
        private readonly ILogger _logger;

        /// <summary>Creates a signer.</summary>
        /// <param name="options">Algorithms and ids; <see cref="XadesOptions.Default"/> when null.</param>
        /// <param name="clock">The clock of SigningTime; the system clock when null.</param>
        /// <param name="logger">A logger (debug events).</param>
        public XadesSubmissionSetSigner(XadesOptions? options = null, ISecurityClock? clock = null, ILogger? logger = null)
        {
            Options = options ?? XadesOptions.Default;
            if (!XadesDigests.IsSupportedCanonicalization(Options.Canonicalization))
            {
                throw new DmpInputException("canonicalization", XadesRules.Canonicalization, "use c14n, c14n with comments or exclusive c14n", Options.Canonicalization, valueIsSensitive: false);
            }

            _clock = clock ?? SystemSecurityClock.Instance;
            _logger = logger ?? NullLogger.Instance;
        }

        /// <summary>The options.</summary>
        public XadesOptions Options { get; }

        /// <summary>Signs a submission set.</summary>
        /// <param name="submissionSet">The SubmissionSet entry (<see cref="XadesDocumentReference.ForSubmissionSet"/>).</param>
        /// <param name="documents">The documents of the submission (the CDA, marked as XML), at least one.</param>
        /// <param name="signatureUniqueId">The uniqueId (OID) the signature document will have in XDS.</param>
        /// <param name="credential">The signing key (CPS signature key or establishment signature certificate).</param>
        /// <returns>The signature document and its metadata.</returns>
#if NET
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = TrimmingJustification.SignedXml)]
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = TrimmingJustification.SignedXml)]
#endif
        public virtual XadesSignature Sign(XadesDocumentReference submissionSet, IReadOnlyList<XadesDocumentReference> documents, string signatureUniqueId, SigningCredential credential)
        {
            if (submissionSet is null)
            {
                throw new ArgumentNullException(nameof(submissionSet));
            }

            if (credential is null)
            {
                throw new ArgumentNullException(nameof(credential));
            }

            if (documents is null || documents.Count == 0)
            {
                throw new DmpInputException(nameof(documents), XadesRules.Documents, "a submission-set signature covers at least one document", null, valueIsSensitive: false);
            }

            if (string.IsNullOrWhiteSpace(signatureUniqueId))
            {
                throw new DmpInputException(nameof(signatureUniqueId), XadesRules.UniqueId, "the signature document needs its own uniqueId", signatureUniqueId, valueIsSensitive: false);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal) { submissionSet.UniqueId };
            foreach (XadesDocumentReference document in documents)
            {
                if (!seen.Add(document.UniqueId))
                {
                    throw new DmpInputException(nameof(documents), XadesRules.Documents, "two manifest entries have the same uniqueId", document.UniqueId, valueIsSensitive: false);
                }
            }

            credential.EnsurePurpose(KeyPurposes.Signature);
            DateTimeOffset signingTime = _clock.UtcNow.ToUniversalTime();
            signingTime = signingTime.AddTicks(-(signingTime.Ticks % TimeSpan.TicksPerMillisecond));
            string signatureId = "sig-" + Guid.NewGuid().ToString("D");
            string digestMethod = XmlSignatureAlgorithms.DigestMethodFor(Options.Hash);

            // The skeleton is written, then parsed back, so what is digested is exactly what a verifier will parse.
            XmlDocument skeleton = SafeXml.LoadDocument(Skeleton(submissionSet, documents, signatureId, signingTime, credential, digestMethod));
            XmlSignatureAlgorithms.EnsureRsaSha256Registered();
            using RSA key = credential.CreateRsa();
            var signedXml = new IdResolvingSignedXml(skeleton, "Id") { SigningKey = key };
            signedXml.Signature.Id = signatureId;
            signedXml.SignedInfo!.CanonicalizationMethod = Options.Canonicalization;
            signedXml.SignedInfo.SignatureMethod = XmlSignatureAlgorithms.SignatureMethodFor(Options.Hash);
            signedXml.AddReference(new Reference("#" + Options.ManifestId) { Type = ManifestType, DigestMethod = digestMethod });
            signedXml.AddReference(new Reference("#" + Options.SignedPropertiesId) { Type = Options.XadesNamespace + "SignedProperties", DigestMethod = digestMethod });
            var keyInfo = new KeyInfo();
            keyInfo.AddClause(new KeyInfoX509Data(credential.Certificate));
            signedXml.KeyInfo = keyInfo;
            foreach (XmlNode child in skeleton.DocumentElement!.ChildNodes)
            {
                if (child is XmlElement element && element.LocalName == "Object")
                {
                    var dataObject = new DataObject();
                    dataObject.LoadXml(element);
                    signedXml.AddObject(dataObject);
                }
            }

            signedXml.ComputeSignature();
            XmlDocument output = SafeXml.NewDocument();
            output.AppendChild(output.ImportNode(signedXml.GetXml(), deep: true));
            var ids = new List<string>(documents.Count);
            foreach (XadesDocumentReference document in documents)
            {
                ids.Add(document.UniqueId);
            }

            if (_logger.IsEnabled(LogLevel.Debug))
            {
                string thumbprint = credential.Certificate.Thumbprint;
                SecurityLog.XadesSigned(_logger, signatureId, documents.Count, thumbprint);
            }

            return new XadesSignature(output.OuterXml, signatureId, signingTime, new XadesSignatureMetadata(signatureUniqueId, submissionSet.UniqueId, signingTime, ids));
        }

        private string Skeleton(XadesDocumentReference submissionSet, IReadOnlyList<XadesDocumentReference> documents, string signatureId, DateTimeOffset signingTime, SigningCredential credential, string digestMethod)
        {
            const string Ds = XmlSignatureAlgorithms.XmlDsigNamespace;
            XmlDocument document = SafeXml.NewDocument();
            XmlElement root = document.CreateElement("Signature", Ds);
            document.AppendChild(root);
            root.SetAttribute("Id", signatureId);

            XmlElement manifest = Child(Child(root, "Object", Ds), "Manifest", Ds);
            manifest.SetAttribute("Id", Options.ManifestId);
            var entries = new List<XadesDocumentReference>(documents.Count + 1) { submissionSet };
            entries.AddRange(documents);
            foreach (XadesDocumentReference entry in entries)
            {
                XmlElement reference = Child(manifest, "Reference", Ds);
                reference.SetAttribute("URI", entry.Uri);
                string? canonicalization = entry.CanonicalizeXml ? Options.Canonicalization : null;
                if (canonicalization is not null)
                {
                    Child(Child(reference, "Transforms", Ds), "Transform", Ds).SetAttribute("Algorithm", canonicalization);
                }

                Child(reference, "DigestMethod", Ds).SetAttribute("Algorithm", digestMethod);
                Child(reference, "DigestValue", Ds).InnerText = Convert.ToBase64String(XadesDigests.Compute(entry, canonicalization, Options.Hash));
            }

            XmlElement property = Child(Child(Child(root, "Object", Ds), "SignatureProperties", Ds), "SignatureProperty", Ds);
            property.SetAttribute("Id", "purposeOfSignature");
            property.SetAttribute("Target", "#" + signatureId);
            property.InnerText = Options.PurposeOfSignature;

            string x = Options.XadesNamespace;
            XmlElement qualifying = Child(Child(root, "Object", Ds), "QualifyingProperties", x);
            qualifying.SetAttribute("Target", "#" + signatureId);
            XmlElement signedProperties = Child(qualifying, "SignedProperties", x);
            signedProperties.SetAttribute("Id", Options.SignedPropertiesId);
            XmlElement signatureProperties = Child(signedProperties, "SignedSignatureProperties", x);
            Child(signatureProperties, "SigningTime", x).InnerText = signingTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            XmlElement cert = Child(Child(signatureProperties, "SigningCertificate", x), "Cert", x);
            XmlElement certDigest = Child(cert, "CertDigest", x);
            Child(certDigest, "DigestMethod", x).SetAttribute("Algorithm", digestMethod);
            Child(certDigest, "DigestValue", x).InnerText = Convert.ToBase64String(XadesDigests.HashBytes(credential.Certificate.RawData, Options.Hash));
            XmlElement issuerSerial = Child(cert, "IssuerSerial", x);
            Child(issuerSerial, "X509IssuerName", Ds).InnerText = VihfBuilder.Rfc2253(credential.Certificate.IssuerName);
            Child(issuerSerial, "X509SerialNumber", Ds).InnerText = SerialNumberDecimal(credential.Certificate.SerialNumber);
            Child(Child(signatureProperties, "SignaturePolicyIdentifier", x), "SignaturePolicyImplied", x);
            Child(signedProperties, "SignedDataObjectProperties", x);
            return document.OuterXml;
        }

        internal static string SerialNumberDecimal(string hexSerial) =>
            BigInteger.Parse("0" + hexSerial, NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

        private static XmlElement Child(XmlElement parent, string localName, string ns)
        {
            XmlElement element = parent.OwnerDocument.CreateElement(localName, ns);
            parent.AppendChild(element);
            return element;
        }
    }
}
