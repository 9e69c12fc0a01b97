using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using DmpConnector.Security;
using DmpConnector.Tests.Support;
using DmpConnector.Xds;
using NUnit.Framework;

namespace DmpConnector.Tests.Xds
{
    /// <summary>The XAdES submission-set signature becomes a DocumentEntry plus a <c>signs</c> association (spec §4.5).</summary>
    public class XdsSignatureEntriesTests
    {
        private static XadesSignature Sign()
        {
            List<XadesDocumentReference> entries = SampleData.SampleSubmission();
            using CertificateSigningCredential credential = SampleData.SignatureCredential();
            return new XadesSubmissionSetSigner().Sign(entries[0], entries.Skip(1).ToList(), SampleData.SignatureUniqueId, credential);
        }

        [Test]
        public void The_signature_entry_carries_the_signature_codes_and_the_submission_context()
        {
            XadesSignature signature = Sign();
            DocumentEntry cda = SampleData.XdsDocumentEntry("Document1");

            DocumentEntry entry = XdsSignatureEntries.CreateSignatureEntry(signature, cda, "urn:uuid:5e1a8f3c-0000-4000-8000-000000000001");

            byte[] bytes = signature.ToUtf8Bytes();
            Assert.Multiple(() =>
            {
                Assert.That(entry.UniqueId, Is.EqualTo(SampleData.SignatureUniqueId));
                Assert.That(entry.ClassCode!.Code, Is.EqualTo("urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1"));
                Assert.That(entry.TypeCode!.Code, Is.EqualTo("E1762"));
                Assert.That(entry.FormatCode!.Code, Is.EqualTo("http://www.w3.org/2000/09/xmldsig#"));
                Assert.That(entry.EventCodes.Select(c => c.Code), Is.EqualTo(new[] { "1.2.840.10065.1.12.1.14" }));
                Assert.That(entry.ConfidentialityCodes.Select(c => c.Code), Is.EqualTo(new[] { "N", "MASQUE_PS", "INVISIBLE_PATIENT" }));
                Assert.That(entry.LanguageCode, Is.EqualTo("art"));
                Assert.That(entry.MimeType, Is.EqualTo("text/xml"));
                Assert.That(entry.CreationTime, Is.EqualTo(XdsTime.Format(signature.SigningTime)));
                Assert.That(entry.PatientId, Is.EqualTo(cda.PatientId));
                Assert.That(entry.Authors, Is.EqualTo(cda.Authors));
                Assert.That(entry.HealthcareFacilityTypeCode, Is.EqualTo(cda.HealthcareFacilityTypeCode));
                Assert.That(entry.PracticeSettingCode, Is.EqualTo(cda.PracticeSettingCode));
                Assert.That(entry.Size, Is.EqualTo(bytes.Length));
#pragma warning disable CA5350 // the XDS hash attribute is SHA-1 by definition
                Assert.That(entry.Hash, Is.EqualTo(Hex(SHA1.HashData(bytes))));
#pragma warning restore CA5350
            });
        }

        [Test]
        public void A_submission_with_its_signature_is_schema_valid_and_reads_back_with_the_signs_association()
        {
            XadesSignature signature = Sign();
            ProvideAndRegisterDocumentSetRequest pnr = SampleData.XdsProvideAndRegister(1);
            SubmissionSet set = pnr.Metadata.SubmissionSets[0];
            DocumentEntry signatureEntry = XdsSignatureEntries.CreateSignatureEntry(signature, pnr.Metadata.DocumentEntries[0], "SignatureDocument");
            Association signs = XdsSignatureEntries.CreateSignsAssociation(signatureEntry, set, "signsAssociation");
            var request = pnr with
            {
                Metadata = pnr.Metadata with
                {
                    DocumentEntries = pnr.Metadata.DocumentEntries.Append(signatureEntry).ToList(),
                    Associations = pnr.Metadata.Associations.Append(Association.HasMember("assocSignature", set.Id, signatureEntry.Id)).Append(signs).ToList(),
                },
                Documents = pnr.Documents.Append(DocumentAttachment.Xop(signatureEntry.Id, "signature@dmpconnector.test")).ToList(),
            };

            // The schema types xdsb:Document as base64 text: validate the inline form, read back the MTOM (xop) form.
            var inlineRequest = request with { Documents = request.Documents.Select(d => new DocumentAttachment { DocumentId = d.DocumentId }).ToList() };
            string inline = XdsWriter.WriteToString(inlineRequest, new XdsWriterOptions { InlineContent = _ => new MemoryStream(signature.ToUtf8Bytes()) });
            Assert.That(SampleData.ValidateXds(inline), Is.Empty, inline);
            string xml = XdsWriter.WriteToString(request);

            var read = (ProvideAndRegisterDocumentSetRequest)XdsReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
            Association readSigns = read.Metadata.Associations.Single(a => a.Type == XdsAssociationTypes.Signs);
            Assert.That(readSigns.SourceObject, Is.EqualTo("SignatureDocument"));
            Assert.That(readSigns.TargetObject, Is.EqualTo(set.Id));
            Assert.That(read.Metadata.DocumentEntries.Single(e => e.Id == "SignatureDocument"), Is.EqualTo(signatureEntry));
        }

        private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2")));
    }
}
