using System.Linq;
using DmpConnector.Identity;
using DmpConnector.Xds;
using NUnit.Framework;

namespace DmpConnector.Tests.Xds
{
    public class XdsValueSetTests
    {
        [Test]
        public void Every_coded_field_has_an_embedded_value_set_with_its_source()
        {
            foreach (XdsCodedField field in System.Enum.GetValues<XdsCodedField>())
            {
                XdsValueSet? set = XdsValueSets.Dmp.Find(field);
                Assert.That(set, Is.Not.Null, field.ToString());
                Assert.That(set!.Concepts, Is.Not.Empty, field.ToString());
                Assert.That(set.Source, Is.Not.Empty, field.ToString());
            }
        }

        [TestCase(XdsCodedField.ClassCode, "10", "1.2.250.1.213.1.1.4.1", "Compte rendu")]
        [TestCase(XdsCodedField.ClassCode, "urn:oid:1.3.6.1.4.1.19376.1.2.1.1.1", "URN", "Digital Signature")]
        [TestCase(XdsCodedField.TypeCode, "11488-4", "2.16.840.1.113883.6.1", null)]
        [TestCase(XdsCodedField.TypeCode, "E1762", "ASTM", null)]
        [TestCase(XdsCodedField.FormatCode, "urn:ihe:iti:xds-sd:pdf:2008", "1.3.6.1.4.1.19376.1.2.3", "Document à corps non structuré en Pdf/A-1")]
        [TestCase(XdsCodedField.ConfidentialityCode, "MASQUE_PS", "1.2.250.1.213.1.1.4.13", "Masqué aux professionnels de santé")]
        [TestCase(XdsCodedField.HealthcareFacilityTypeCode, "SA01", "1.2.250.1.71.4.2.4", "Etablissement public de santé")]
        [TestCase(XdsCodedField.PracticeSettingCode, "AMBULATOIRE", "1.2.250.1.213.1.1.4.9", "Ambulatoire")]
        [TestCase(XdsCodedField.ContentTypeCode, "04", "1.2.250.1.213.2.2", "Hospitalisation de jour")]
        [TestCase(XdsCodedField.AuthorSpecialty, "G15_10/SM26", "1.2.250.1.213.1.1.4.5", null)]
        [TestCase(XdsCodedField.ReferenceIdType, "urn:ihe:iti:xds:2013:order", "1.2.250.1.213.1.1.4.347", "order")]
        public void Known_codes_are_found_with_their_display_name(XdsCodedField field, string code, string system, string? display)
        {
            XdsValueSet set = XdsValueSets.Dmp.Find(field)!;

            Assert.That(set.Contains(code, system), Is.True);
            if (display is not null)
            {
                Assert.That(XdsValueSets.Dmp.FindDisplayName(field, code, system), Is.EqualTo(display));
            }
            else
            {
                Assert.That(XdsValueSets.Dmp.FindDisplayName(field, code, system), Is.Not.Empty);
            }
        }

        [Test]
        public void A_code_is_known_only_with_its_code_system()
        {
            XdsValueSet confidentiality = XdsValueSets.Dmp.Find(XdsCodedField.ConfidentialityCode)!;

            Assert.That(confidentiality.Contains("N", "2.16.840.1.113883.5.25"), Is.True);
            Assert.That(confidentiality.Contains("N", "1.2.250.1.213.1.1.4.13"), Is.False);
            Assert.That(confidentiality.Contains("R", "2.16.840.1.113883.5.25"), Is.False, "J58 (DMP) has no R, unlike J08 (CI-SIS)");
            Assert.That(confidentiality.IsComplete, Is.True);
            Assert.That(XdsValueSets.Dmp.Find(XdsCodedField.ClassCode)!.IsComplete, Is.False);
        }

        [Test]
        public void A_caller_extends_a_value_set_without_changing_the_shipped_one()
        {
            var newer = new CodedValue("99", "1.2.250.1.213.1.1.4.1", "Nouvelle classe");

            XdsValueSets extended = XdsValueSets.Dmp.Extend(XdsCodedField.ClassCode, new[] { newer });

            Assert.That(extended.Find(XdsCodedField.ClassCode)!.Contains(newer), Is.True);
            Assert.That(extended.FindDisplayName(XdsCodedField.ClassCode, "99", "1.2.250.1.213.1.1.4.1"), Is.EqualTo("Nouvelle classe"));
            Assert.That(extended.FindDisplayName(XdsCodedField.ClassCode, "10", "1.2.250.1.213.1.1.4.1"), Is.EqualTo("Compte rendu"));
            Assert.That(XdsValueSets.Dmp.Find(XdsCodedField.ClassCode)!.Contains(newer), Is.False);
            Assert.That(extended.Find(XdsCodedField.TypeCode), Is.SameAs(XdsValueSets.Dmp.Find(XdsCodedField.TypeCode)));
        }

        [Test]
        public void A_missing_display_name_is_filled_and_a_given_one_kept()
        {
            Assert.That(XdsValueSets.Dmp.WithDisplayName(XdsCodedField.ClassCode, new CodedValue("11", "1.2.250.1.213.1.1.4.1")).DisplayName, Is.EqualTo("Synthèse"));
            Assert.That(XdsValueSets.Dmp.WithDisplayName(XdsCodedField.ClassCode, new CodedValue("11", "1.2.250.1.213.1.1.4.1", "Mine")).DisplayName, Is.EqualTo("Mine"));
            Assert.That(XdsValueSets.Dmp.WithDisplayName(XdsCodedField.ClassCode, new CodedValue("zz", "x")).DisplayName, Is.Null);
        }

        [Test]
        public void Every_code_of_the_official_TD31_response_is_known_to_the_value_sets()
        {
            // The codes the official TD3.1 example carries (checked in our fixture too): the partial lists include them.
            Assert.That(XdsValueSets.Dmp.Find(XdsCodedField.TypeCode)!.Contains("27899-4", "2.16.840.1.113883.6.1"), Is.True);
            Assert.That(XdsValueSets.Dmp.Find(XdsCodedField.FormatCode)!.Contains("urn:ihe:iti-fr:xds-sd:rtf:2010", "1.3.6.1.4.1.19376.1.2.3"), Is.True);
            Assert.That(XdsValueSets.Dmp.Find(XdsCodedField.PracticeSettingCode)!.Contains("SAMU_SMUR", "1.2.250.1.213.1.1.4.9"), Is.True);
            Assert.That(XdsValueSets.Dmp.Find(XdsCodedField.HealthcareFacilityTypeCode)!.Contains("SA38", "1.2.250.1.71.4.2.4"), Is.True);
        }
    }
}
