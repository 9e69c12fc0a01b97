using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using DmpConnector.Cda;
using DmpConnector.Identity;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Cda
{
    public class CdaBuilderTests
    {
        private const string V3 = "urn:hl7-org:v3";

        private static IEnumerable<TestCaseData> PresetsTimesMediaTypes() =>
            from p in CdaPresets.All
            from m in CdaMediaTypes.All
            select new TestCaseData(p.Name, m).SetArgDisplayNames(p.Name, m);

        internal static async Task<byte[]> BuildAsync(CdaDocumentRequest request, byte[]? content = null)
        {
            using var output = new MemoryStream();
            await new CdaBuilder().WriteAsync(request, new MemoryStream(content ?? SampleData.CdaContent(request.MediaType)), output);
            return output.ToArray();
        }

        private static XmlDocument Load(byte[] cda)
        {
            var doc = new XmlDocument();
            doc.LoadXml(Encoding.UTF8.GetString(cda));
            return doc;
        }

        private static XmlNamespaceManager Ns(XmlDocument doc)
        {
            var ns = new XmlNamespaceManager(doc.NameTable);
            ns.AddNamespace("c", V3);
            return ns;
        }

        [TestCaseSource(nameof(PresetsTimesMediaTypes))]
        public async Task Every_preset_and_media_type_validates_against_CDA_extended_xsd(string preset, string mediaType)
        {
            byte[] cda = await BuildAsync(SampleData.CdaRequest(CdaPresets.Find(preset), mediaType));

            Assert.That(SampleData.ValidateCda(cda), Is.Empty);
            XmlDocument doc = Load(cda);
            XmlNamespaceManager ns = Ns(doc);
            Assert.That(doc.SelectSingleNode("/c:ClinicalDocument/c:component/c:nonXMLBody/c:text/@mediaType", ns)!.Value, Is.EqualTo(mediaType));
            string b64 = doc.SelectSingleNode("/c:ClinicalDocument/c:component/c:nonXMLBody/c:text", ns)!.InnerText;
            Assert.That(Convert.FromBase64String(b64), Is.EqualTo(SampleData.CdaContent(mediaType)));
        }

        [Test]
        public async Task A_schema_check_that_can_fail_does_fail_on_a_header_element_out_of_order()
        {
            byte[] cda = await BuildAsync(SampleData.CdaRequest());
            string text = Encoding.UTF8.GetString(cda).Replace("<realmCode code=\"FR\" />", string.Empty, StringComparison.Ordinal);
            text = text.Replace("<typeId ", "<realmCode code=\"FR\" /><title>x</title><typeId ", StringComparison.Ordinal);

            Assert.That(SampleData.ValidateCda(Encoding.UTF8.GetBytes(text)), Is.Not.Empty);
        }

        [Test]
        public async Task The_header_carries_the_fixed_CISIS_values_in_schema_order()
        {
            XmlDocument doc = Load(await BuildAsync(SampleData.CdaRequest()));
            XmlNamespaceManager ns = Ns(doc);
            XmlElement root = doc.DocumentElement!;

            Assert.That(root.HasAttribute("schemaLocation", "http://www.w3.org/2001/XMLSchema-instance"), Is.False);
            string[] order = root.ChildNodes.OfType<XmlElement>().Select(e => e.LocalName).ToArray();
            Assert.That(order, Is.EqualTo(new[]
            {
                "realmCode", "typeId", "templateId", "templateId", "templateId", "id", "code", "title", "effectiveTime", "confidentialityCode",
                "languageCode", "setId", "versionNumber", "recordTarget", "author", "custodian", "legalAuthenticator", "documentationOf",
                "componentOf", "component",
            }));
            Assert.That(root.SelectNodes("c:templateId/@root", ns)!.Cast<XmlAttribute>().Select(a => a.Value),
                Is.EqualTo(new[] { "2.16.840.1.113883.2.8.2.1", "1.2.250.1.213.1.1.1.1", "1.3.6.1.4.1.19376.1.2.20" }));
            Assert.That(root.SelectSingleNode("c:realmCode/@code", ns)!.Value, Is.EqualTo("FR"));
            Assert.That(root.SelectSingleNode("c:id/@root", ns)!.Value, Is.EqualTo("1.2.250.1.999.1.1.7898.3.1"));
            Assert.That(root.SelectSingleNode("c:id/@extension", ns), Is.Null, "the DMP takes a root-only document id");
            Assert.That(root.SelectSingleNode("c:code/@code", ns)!.Value, Is.EqualTo("11488-4"));
            Assert.That(root.SelectSingleNode("c:effectiveTime/@value", ns)!.Value, Is.EqualTo("20210401144745+0200"), "Paris summer time at that instant");
            Assert.That(root.SelectSingleNode("c:confidentialityCode/@code", ns)!.Value, Is.EqualTo("N"));
            Assert.That(root.SelectSingleNode("c:languageCode/@code", ns)!.Value, Is.EqualTo("fr-FR"));
            Assert.That(root.SelectSingleNode("c:setId/@root", ns)!.Value, Is.EqualTo("1.2.250.1.999.1.1.7898.3.1"));
            Assert.That(root.SelectSingleNode("c:versionNumber/@value", ns)!.Value, Is.EqualTo("1"));
            Assert.That(root.SelectSingleNode("c:legalAuthenticator/c:signatureCode/@code", ns)!.Value, Is.EqualTo("S"));
            Assert.That(root.SelectSingleNode("c:documentationOf/c:serviceEvent/c:performer/c:assignedEntity/c:representedOrganization/c:standardIndustryClassCode/@code", ns)!.Value, Is.EqualTo("AMBULATOIRE"));
            Assert.That(root.SelectSingleNode("c:componentOf/c:encompassingEncounter/c:location/c:healthCareFacility/c:code/@code", ns)!.Value, Is.EqualTo("SA07"));
            Assert.That(root.SelectSingleNode("c:author/c:assignedAuthor/c:code/@code", ns)!.Value, Is.EqualTo("G15_10/SM26"));
            Assert.That(root.SelectSingleNode("c:author/c:assignedAuthor/c:code/@displayName", ns)!.Value, Is.EqualTo("Médecin - Qualifié en Médecine Générale (SM)"));
            Assert.That(root.SelectSingleNode("c:author/c:time/@value", ns)!.Value, Is.EqualTo("20210401144745+0200"));
        }

        private static IEnumerable<TestCaseData> AllPresets() => CdaPresets.All.Select(p => new TestCaseData(p.Name).SetArgDisplayNames(p.Name));

        [TestCaseSource(nameof(AllPresets))]
        public async Task Every_preset_follows_the_CISIS_header_checklist(string preset)
        {
            XmlDocument doc = Load(await BuildAsync(SampleData.CdaRequest(CdaPresets.Find(preset))));
            XmlNamespaceManager ns = Ns(doc);
            XmlElement root = doc.DocumentElement!;

            // No nullFlavor on the elements CI-SIS forbids it on (Table 3), none outside UNK/NASK/ASKU/NAV/MSK.
            foreach (string path in new[] { "c:id", "c:code", "c:title", "c:effectiveTime", "c:confidentialityCode", "c:languageCode", "c:setId", "c:versionNumber",
                "c:recordTarget/c:patientRole/c:id", "c:recordTarget/c:patientRole/c:patient/c:name", "c:author/c:assignedAuthor/c:id", "c:custodian",
                "c:legalAuthenticator/c:assignedEntity/c:id", "c:documentationOf/c:serviceEvent/c:effectiveTime",
                "c:documentationOf/c:serviceEvent/c:performer/c:assignedEntity/c:representedOrganization/c:standardIndustryClassCode",
                "c:componentOf/c:encompassingEncounter/c:location/c:healthCareFacility/c:code" })
            {
                XmlElement? e = root.SelectSingleNode(path, ns) as XmlElement;
                Assert.That(e, Is.Not.Null, path);
                Assert.That(e!.HasAttribute("nullFlavor"), Is.False, path);
            }

            Assert.That(doc.SelectNodes("//@nullFlavor")!.Cast<XmlAttribute>().Select(a => a.Value), Is.All.AnyOf("UNK", "NASK", "ASKU", "NAV", "MSK"));

            // Every time of day carries an offset and header times are to the second.
            foreach (XmlAttribute value in doc.SelectNodes("//c:effectiveTime/@value | //c:time/@value | //c:low/@value | //c:high/@value", ns)!.Cast<XmlAttribute>())
            {
                Assert.That(value.Value, Does.Match("^[0-9]{14}[+-][0-9]{4}$"), value.OwnerElement!.LocalName);
            }

            // Every II has a root; every OID is at most 64 characters; every coded element has code, codeSystem and displayName.
            Assert.That(doc.SelectNodes("//c:id[not(@root)]", ns)!.Count, Is.Zero);
            Assert.That(doc.SelectNodes("//@root")!.Cast<XmlAttribute>().Select(a => a.Value.Length), Is.All.LessThanOrEqualTo(64));
            foreach (XmlElement coded in doc.SelectNodes("//c:code | //c:standardIndustryClassCode | //c:administrativeGenderCode | //c:confidentialityCode", ns)!.Cast<XmlElement>())
            {
                Assert.That(coded.HasAttribute("code") && coded.HasAttribute("codeSystem") && coded.HasAttribute("displayName"), Is.True, coded.OuterXml);
            }

            Assert.That(doc.SelectNodes("//c:legalAuthenticator", ns)!.Count, Is.EqualTo(1));
            Assert.That(doc.SelectNodes("//c:templateId", ns)!.Count, Is.EqualTo(3));
        }

        [Test]
        public async Task The_winter_offset_is_taken_from_the_zone_at_that_instant()
        {
            var request = SampleData.CdaRequest() with { CreationTime = new DateTimeOffset(2021, 1, 15, 23, 30, 0, TimeSpan.Zero) };
            XmlDocument doc = Load(await BuildAsync(request));

            Assert.That(doc.DocumentElement!.SelectSingleNode("c:effectiveTime/@value", Ns(doc))!.Value, Is.EqualTo("20210116003000+0100"));
        }

        [Test]
        public async Task An_overseas_zone_writes_its_own_negative_offset()
        {
            var request = SampleData.CdaRequest() with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Guadeloupe") };
            XmlDocument doc = Load(await BuildAsync(request));

            Assert.That(doc.DocumentElement!.SelectSingleNode("c:effectiveTime/@value", Ns(doc))!.Value, Is.EqualTo("20210401084745-0400"));
        }

        [Test]
        public async Task The_patient_has_the_INS_as_first_id_then_local_ids_and_every_INS_trait()
        {
            XmlDocument doc = Load(await BuildAsync(SampleData.CdaRequest()));
            XmlNamespaceManager ns = Ns(doc);
            XmlNode role = doc.SelectSingleNode("/c:ClinicalDocument/c:recordTarget/c:patientRole", ns)!;

            XmlElement[] ids = role.SelectNodes("c:id", ns)!.Cast<XmlElement>().ToArray();
            Assert.That(ids.Select(i => i.GetAttribute("root")), Is.EqualTo(new[] { Ins.NirTestOid, "1.2.250.1.999.1.1.7898.2" }));
            Assert.That(ids[0].GetAttribute("extension"), Is.EqualTo(SampleData.DmpTestPatientIns));
            Assert.That(role.SelectSingleNode("c:patient/c:name/c:family[@qualifier='BR']", ns)!.InnerText, Is.EqualTo("PATB-QUATRE"));
            Assert.That(role.SelectSingleNode("c:patient/c:name/c:given[not(@qualifier)]", ns)!.InnerText, Is.EqualTo("LAURENCE MARIE"));
            Assert.That(role.SelectSingleNode("c:patient/c:name/c:given[@qualifier='BR']", ns)!.InnerText, Is.EqualTo("LAURENCE"));
            Assert.That(role.SelectSingleNode("c:patient/c:administrativeGenderCode/@code", ns)!.Value, Is.EqualTo("F"));
            Assert.That(role.SelectSingleNode("c:patient/c:birthTime/@value", ns)!.Value, Is.EqualTo("20070512"));
            Assert.That(role.SelectSingleNode("c:patient/c:birthplace/c:place/c:addr/c:county", ns)!.InnerText, Is.EqualTo("85191"));
            Assert.That(role.SelectNodes("c:patient/c:name/c:family[@qualifier='SP']", ns)!.Count, Is.Zero);
        }

        [Test]
        public async Task A_new_version_keeps_the_set_id_and_replaces_the_previous_id()
        {
            var request = SampleData.CdaRequest() with
            {
                DocumentId = "1.2.250.1.999.1.1.7898.3.2", SetId = "1.2.250.1.999.1.1.7898.3.1", VersionNumber = 2,
                ReplacedDocumentId = "1.2.250.1.999.1.1.7898.3.1",
            };
            byte[] cda = await BuildAsync(request);
            XmlDocument doc = Load(cda);
            XmlNamespaceManager ns = Ns(doc);

            Assert.That(SampleData.ValidateCda(cda), Is.Empty);
            Assert.That(doc.DocumentElement!.SelectSingleNode("c:relatedDocument/@typeCode", ns)!.Value, Is.EqualTo("RPLC"));
            Assert.That(doc.DocumentElement.SelectSingleNode("c:relatedDocument/c:parentDocument/c:id/@root", ns)!.Value, Is.EqualTo("1.2.250.1.999.1.1.7898.3.1"));
            Assert.That(doc.DocumentElement.SelectSingleNode("c:versionNumber/@value", ns)!.Value, Is.EqualTo("2"));
        }

        [Test]
        public async Task A_patients_own_document_has_the_patient_as_author_and_the_DMP_as_custodian()
        {
            XmlDocument doc = Load(await BuildAsync(SampleData.CdaRequest(CdaPresets.DocumentDuPatient)));
            XmlNamespaceManager ns = Ns(doc);
            XmlElement root = doc.DocumentElement!;

            Assert.That(root.SelectSingleNode("c:author/c:assignedAuthor/c:id/@root", ns)!.Value, Is.EqualTo(Ins.NirTestOid));
            Assert.That(root.SelectSingleNode("c:author/c:assignedAuthor/c:code", ns), Is.Null);
            Assert.That(root.SelectSingleNode("c:author/c:assignedAuthor/c:representedOrganization", ns), Is.Null);
            Assert.That(root.SelectSingleNode("c:custodian/c:assignedCustodian/c:representedCustodianOrganization/c:id/@root", ns)!.Value, Is.EqualTo("1.2.250.1.213.4.1"));
            Assert.That(root.SelectSingleNode("c:documentationOf/c:serviceEvent/c:code/@code", ns)!.Value, Is.EqualTo("EXP_PATIENT"));
            Assert.That(root.SelectSingleNode("c:componentOf/c:encompassingEncounter/c:location/c:healthCareFacility/c:code/@code", ns)!.Value, Is.EqualTo("EXP_PATIENT"));
        }

        [Test]
        public async Task The_result_gives_the_hash_and_size_of_the_bytes_written()
        {
            using var output = new MemoryStream();
            CdaBuildResult result = await new CdaBuilder().WriteAsync(SampleData.CdaRequest(), new MemoryStream(SampleData.CdaContent(CdaMediaTypes.Pdf)), output);

#pragma warning disable CA5350 // XDS hash
            string expected = Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(output.ToArray())).ToLowerInvariant();
#pragma warning restore CA5350
            Assert.That(result.Size, Is.EqualTo(output.Length));
            Assert.That(result.Hash, Is.EqualTo(expected));
            Assert.That(result.ContentLength, Is.EqualTo(SampleData.CdaContent(CdaMediaTypes.Pdf).Length));
        }

        [Test]
        public async Task Plain_text_keeps_its_own_bytes_and_a_foreign_language_is_flagged_in_the_body()
        {
            byte[] latin1 = Encoding.Latin1.GetBytes("Résumé en français, octets Latin-1.");
            var request = SampleData.CdaRequest(mediaType: CdaMediaTypes.PlainText) with { ContentLanguageCode = "en-GB" };
            byte[] cda = await BuildAsync(request, latin1);
            XmlDocument doc = Load(cda);
            XmlNamespaceManager ns = Ns(doc);

            Assert.That(SampleData.ValidateCda(cda), Is.Empty);
            Assert.That(Convert.FromBase64String(doc.SelectSingleNode("//c:nonXMLBody/c:text", ns)!.InnerText), Is.EqualTo(latin1));
            Assert.That(doc.SelectSingleNode("//c:nonXMLBody/c:languageCode/@code", ns)!.Value, Is.EqualTo("en-GB"));
        }

        [Test]
        public void Presets_carry_only_public_codes_and_say_which_the_caller_must_supply()
        {
            Assert.That(CdaPresets.All, Has.Count.EqualTo(17));
            Assert.That(CdaPresets.All.Select(p => p.Name), Is.Unique);
            foreach (CdaPreset p in CdaPresets.All)
            {
                Assert.That(p.IsComplete || p.MissingCodesNote is not null, Is.True, p.Name);
                Assert.That(p.TypeCode is not null || p.CandidateTypeCodes.Count > 0, Is.True, p.Name);
            }

            Assert.That(CdaPresets.VoletSyntheseMedicale.TypeCode!.Code, Is.EqualTo("SYNTH"));
            Assert.That(CdaPresets.VoletSyntheseMedicale.ClassCode!.Code, Is.EqualTo("11"));
            Assert.That(CdaPresets.NoteDeVaccination.TypeCode!.Code, Is.EqualTo("87273-9"));
            Assert.That(CdaPresets.NoteDeVaccination.ClassCode, Is.Null);
            Assert.That(CdaPresets.DossierCommunicantCancerologie.TypeCode, Is.Null);
        }
    }
}
