using System;
using DmpConnector.Internal;
using DmpConnector.Security;

namespace DmpConnector.Xds
{
    /// <summary>
    /// Turns a XAdES submission-set signature (<see cref="XadesSignature"/>) into the XDS objects a TD2.1 submission
    /// carries beside the documents: the signature's own DocumentEntry and the <c>signs</c> association from that entry to
    /// the SubmissionSet (IHE DSG, spec §4.5).
    /// </summary>
    public static class XdsSignatureEntries
    {
        /// <summary>
        /// The DocumentEntry of the signature document. The codes, title, language, MIME type and creation time come from
        /// the signature; the patient, authors, facility type and practice setting are those of the submission, taken from
        /// <paramref name="submittedDocument"/> (typically the CDA's entry); hash and size are computed from the bytes
        /// that will be sent.
        /// </summary>
        /// <param name="signature">The signature, as produced by <see cref="XadesSubmissionSetSigner"/>.</param>
        /// <param name="submittedDocument">An entry of the same submission, for the patient, authors and facility codes.</param>
        /// <param name="entryUuid">The signature entry's entryUUID; a new <c>urn:uuid</c> when null.</param>
        /// <returns>The signature's DocumentEntry.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public static DocumentEntry CreateSignatureEntry(XadesSignature signature, DocumentEntry submittedDocument, string? entryUuid = null)
        {
            if (signature is null)
            {
                throw new ArgumentNullException(nameof(signature));
            }

            if (submittedDocument is null)
            {
                throw new ArgumentNullException(nameof(submittedDocument));
            }

            XadesSignatureMetadata metadata = signature.Metadata;
            byte[] bytes = signature.ToUtf8Bytes();
            string hash = Hex.Sha1(bytes);

            return new DocumentEntry
            {
                Id = entryUuid ?? XdsIds.NewEntryUuid(),
                UniqueId = metadata.UniqueId,
                MimeType = metadata.MimeType,
                Title = metadata.Title,
                LanguageCode = metadata.LanguageCode,
                CreationTime = XdsTime.Format(metadata.CreationTime),
                ClassCode = metadata.ClassCode,
                TypeCode = metadata.TypeCode,
                FormatCode = metadata.FormatCode,
                EventCodes = new EquatableList<Identity.CodedValue>(metadata.EventCodes),
                ConfidentialityCodes = new EquatableList<Identity.CodedValue>(metadata.ConfidentialityCodes),
                PatientId = submittedDocument.PatientId,
                SourcePatientId = submittedDocument.SourcePatientId,
                SourcePatientInfo = submittedDocument.SourcePatientInfo,
                Authors = submittedDocument.Authors,
                HealthcareFacilityTypeCode = submittedDocument.HealthcareFacilityTypeCode,
                PracticeSettingCode = submittedDocument.PracticeSettingCode,
                Hash = hash,
                Size = bytes.LongLength,
            };
        }

        /// <summary>The <c>signs</c> association from the signature entry to the SubmissionSet it signs.</summary>
        /// <param name="signatureEntry">The signature's DocumentEntry (its <see cref="DocumentEntry.Id"/> is the source).</param>
        /// <param name="submissionSet">The signed SubmissionSet (its <see cref="SubmissionSet.Id"/> is the target).</param>
        /// <param name="associationId">The association's id; a new <c>urn:uuid</c> when null.</param>
        /// <returns>The association.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public static Association CreateSignsAssociation(DocumentEntry signatureEntry, SubmissionSet submissionSet, string? associationId = null)
        {
            if (signatureEntry is null)
            {
                throw new ArgumentNullException(nameof(signatureEntry));
            }

            if (submissionSet is null)
            {
                throw new ArgumentNullException(nameof(submissionSet));
            }

            return new Association
            {
                Id = associationId ?? XdsIds.NewEntryUuid(),
                Type = XdsAssociationTypes.Signs,
                SourceObject = signatureEntry.Id,
                TargetObject = submissionSet.Id,
            };
        }
    }
}
