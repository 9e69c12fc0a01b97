using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using DmpConnector.Cda;
using DmpConnector.Identity;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Cda
{
    public class CdaBuilderBadInputTests
    {
        private static async Task<(T Exception, long Written)> FailAsync<T>(CdaDocumentRequest request, byte[] content)
            where T : Exception
        {
            using var output = new MemoryStream();
            T ex = (await Assert.ThrowsAsync<T>(() => new CdaBuilder().WriteAsync(request, new MemoryStream(content), output)))!;
            return (ex, output.Length);
        }

        [Test]
        public async Task A_PDF_that_is_not_a_PDF_is_refused_before_anything_is_written()
        {
            var (ex, written) = await FailAsync<CdaFormatException>(SampleData.CdaRequest(), Encoding.ASCII.GetBytes("<html>not a pdf</html>"));

            Assert.That(ex.Rule, Is.EqualTo(CdaRules.ContentMagic));
            Assert.That(written, Is.Zero);
        }

        [TestCase(CdaMediaTypes.Jpeg)]
        [TestCase(CdaMediaTypes.Tiff)]
        [TestCase(CdaMediaTypes.Rtf)]
        public async Task Other_media_types_check_their_magic_bytes_too(string mediaType)
        {
            var (ex, _) = await FailAsync<CdaFormatException>(SampleData.CdaRequest(mediaType: mediaType), SampleData.CdaContent(CdaMediaTypes.Pdf));

            Assert.That(ex.Rule, Is.EqualTo(CdaRules.ContentMagic));
        }

        [Test]
        public async Task Plain_text_holding_NUL_bytes_is_refused()
        {
            var (ex, _) = await FailAsync<CdaFormatException>(SampleData.CdaRequest(mediaType: CdaMediaTypes.PlainText), new byte[] { 65, 0, 66 });

            Assert.That(ex.Rule, Is.EqualTo(CdaRules.ContentMagic));
        }

        [Test]
        public async Task An_empty_file_is_refused()
        {
            var (ex, written) = await FailAsync<CdaFormatException>(SampleData.CdaRequest(), Array.Empty<byte>());

            Assert.That(ex.Rule, Is.EqualTo(CdaRules.ContentEmpty));
            Assert.That(written, Is.Zero);
        }

        [TestCase(IdentityStatus.Provisional)]
        [TestCase(IdentityStatus.Validated)]
        [TestCase(IdentityStatus.Recovered)]
        public async Task A_patient_whose_identity_is_not_qualified_is_refused_with_the_identity_rule(IdentityStatus status)
        {
            var request = SampleData.CdaRequest() with { Patient = SampleData.QualifiedTestPatient(status) };
            var (ex, written) = await FailAsync<IdentityNotQualifiedException>(request, SampleData.CdaContent(CdaMediaTypes.Pdf));

            Assert.That(ex.Rule, Is.EqualTo(IdentityNotQualifiedException.NotQualifiedRule));
            Assert.That(written, Is.Zero);
        }

        [Test]
        public async Task A_patient_without_INS_is_refused()
        {
            var patient = new PatientIdentity(SampleData.QualifiedTestPatient().Traits, IdentityStatus.Provisional);
            var (ex, _) = await FailAsync<IdentityNotQualifiedException>(SampleData.CdaRequest() with { Patient = patient }, SampleData.CdaContent(CdaMediaTypes.Pdf));

            Assert.That(ex.Rule, Is.EqualTo(IdentityNotQualifiedException.NoInsRule));
        }

        [Test]
        public async Task A_qualified_patient_without_birth_place_is_refused_because_every_INS_trait_is_required()
        {
            PatientIdentity q = SampleData.QualifiedTestPatient();
            var traits = new IdentityTraits(q.Traits.BirthName, q.Traits.FirstNames, q.Traits.Sex, q.Traits.BirthDate);
            var (ex, _) = await FailAsync<CdaFormatException>(SampleData.CdaRequest() with { Patient = new PatientIdentity(traits, IdentityStatus.Qualified, q.Ins) }, SampleData.CdaContent(CdaMediaTypes.Pdf));

            Assert.That(ex.Rule, Is.EqualTo(CdaRules.Required));
            Assert.That(ex.Field, Is.EqualTo("patient.birthPlace"));
        }

        [Test]
        public async Task A_preset_without_a_public_type_code_requires_the_caller_to_supply_it()
        {
            var request = SampleData.CdaRequest() with { Preset = CdaPresets.DossierCommunicantCancerologie, TypeCode = null };
            var (ex, _) = await FailAsync<CdaFormatException>(request, SampleData.CdaContent(CdaMediaTypes.Pdf));

            Assert.That(ex.Rule, Is.EqualTo(CdaRules.Required));
            Assert.That(ex.Field, Is.EqualTo("typeCode"));
            Assert.That(ex.Explanation, Does.Contain("J07"));
        }

        [TestCase("1.2.3.04", CdaRules.OidFormat)]
        [TestCase("1.2.3^abc", CdaRules.OidFormat)]
        public async Task A_document_id_that_is_not_a_root_only_OID_is_refused(string id, string rule)
        {
            var (ex, _) = await FailAsync<CdaFormatException>(SampleData.CdaRequest() with { DocumentId = id }, SampleData.CdaContent(CdaMediaTypes.Pdf));

            Assert.That(ex.Rule, Is.EqualTo(rule));
        }

        [Test]
        public async Task A_title_over_128_characters_is_refused()
        {
            var (ex, _) = await FailAsync<CdaFormatException>(SampleData.CdaRequest() with { Title = new string('x', 129) }, SampleData.CdaContent(CdaMediaTypes.Pdf));

            Assert.That(ex.Rule, Is.EqualTo(CdaRules.Title));
        }

        [TestCase("L")]
        [TestCase("MASQUE_PS")]
        public async Task A_confidentiality_other_than_N_R_V_is_refused(string code)
        {
            var (ex, _) = await FailAsync<CdaFormatException>(SampleData.CdaRequest() with { ConfidentialityCode = code }, SampleData.CdaContent(CdaMediaTypes.Pdf));

            Assert.That(ex.Rule, Is.EqualTo(CdaRules.InvalidValue));
        }

        [Test]
        public async Task A_second_version_without_the_replaced_document_is_refused()
        {
            var request = SampleData.CdaRequest() with { VersionNumber = 2, SetId = "1.2.3" };
            var (ex, _) = await FailAsync<CdaFormatException>(request, SampleData.CdaContent(CdaMediaTypes.Pdf));

            Assert.That(ex.Rule, Is.EqualTo(CdaRules.Required));
            Assert.That(ex.Field, Is.EqualTo("replacedDocumentId"));
        }

        [Test]
        public async Task A_media_type_CISIS_does_not_allow_is_refused()
        {
            var (ex, _) = await FailAsync<CdaFormatException>(SampleData.CdaRequest() with { MediaType = "image/png" }, SampleData.CdaContent(CdaMediaTypes.Pdf));

            Assert.That(ex.Rule, Is.EqualTo(CdaRules.MediaType));
        }

        [Test]
        public async Task A_professional_document_without_practice_setting_is_refused()
        {
            var (ex, _) = await FailAsync<CdaFormatException>(SampleData.CdaRequest() with { PracticeSetting = null }, SampleData.CdaContent(CdaMediaTypes.Pdf));

            Assert.That(ex.Rule, Is.EqualTo(CdaRules.Required));
            Assert.That(ex.Field, Is.EqualTo("practiceSetting"));
        }
    }
}
