using DmpConnector.Identity;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Identity
{
    public class NationalIdentifierTests
    {
        [Test]
        public void An_RPPS_number_becomes_the_IdNat_8_plus_RPPS_with_a_valid_Luhn_key()
        {
            ProfessionalId id = ProfessionalId.FromRpps("99900063480");

            Assert.That(id.Value, Is.EqualTo("899900063480"));
            Assert.That(id.Kind, Is.EqualTo(ProfessionalIdKind.Rpps));
            Assert.That(id.CheckKey, Is.EqualTo(CheckKeyStatus.Valid));
            Assert.That(id.NationalNumber, Is.EqualTo("99900063480"));
        }

        [Test]
        public void The_professional_XCN_has_the_official_TD21_shape()
        {
            ProfessionalId id = ProfessionalId.Parse("899900063480");

            Assert.That(id.ToXcn("MAX", "LIBRE").Format(), Is.EqualTo(SampleData.AuthorPersonXcn));
        }

        [Test]
        public void A_mistyped_RPPS_fails_its_Luhn_key_unless_only_the_format_is_checked()
        {
            var ex = Assert.Throws<IdentifierFormatException>(() => ProfessionalId.Parse("899900063481"));
            Assert.That(ex!.Rule, Is.EqualTo(IdentifierFormatException.KeyRule));
            Assert.That(ex.Message, Does.Contain("899900063481"), "professional ids are not patient data");

            ProfessionalId lenient = ProfessionalId.Parse("899900063481", IdentifierValidation.FormatOnly);
            Assert.That(lenient.CheckKey, Is.EqualTo(CheckKeyStatus.Invalid));
        }

        [TestCase("00B2800585", ProfessionalIdKind.Adeli, CheckKeyStatus.NotApplicable)]
        [TestCase("30B0041968/XXX123", ProfessionalIdKind.FinessInternal, CheckKeyStatus.NotVerifiable)]
        [TestCase("3750712184/12345", ProfessionalIdKind.FinessInternal, CheckKeyStatus.Valid)]
        [TestCase("4732829320/A1", ProfessionalIdKind.SirenInternal, CheckKeyStatus.Valid)]
        [TestCase("573282932000074/A1", ProfessionalIdKind.SiretInternal, CheckKeyStatus.Valid)]
        [TestCase("1123456789/INT", ProfessionalIdKind.CabinetAdeliInternal, CheckKeyStatus.NotApplicable)]
        [TestCase("699900063480001/INT", ProfessionalIdKind.CabinetRppsInternal, CheckKeyStatus.NotApplicable)]
        public void Each_IdNat_PS_kind_is_recognised_by_its_prefix(string value, ProfessionalIdKind kind, CheckKeyStatus key)
        {
            ProfessionalId id = ProfessionalId.Parse(value);

            Assert.That(id.Kind, Is.EqualTo(kind));
            Assert.That(id.CheckKey, Is.EqualTo(key));
        }

        [Test]
        public void The_internal_part_of_an_IdNat_PS_is_separated()
        {
            ProfessionalId id = ProfessionalId.Parse("30B0041968/XXX123");

            Assert.That(id.BaseIdentifier, Is.EqualTo("0B0041968"));
            Assert.That(id.InternalId, Is.EqualTo("XXX123"));
        }

        [TestCase("", IdentifierFormatException.EmptyRule)]
        [TestCase("2123456789", IdentifierFormatException.PrefixRule)]
        [TestCase("9123456789", IdentifierFormatException.PrefixRule)]
        [TestCase("8999000634", IdentifierFormatException.FormatRule)]
        [TestCase("8 99900063480", IdentifierFormatException.FormatRule)]
        [TestCase("89990006348X", IdentifierFormatException.FormatRule)]
        [TestCase("3750712184", IdentifierFormatException.FormatRule)]
        [TestCase("3750712185/1", IdentifierFormatException.KeyRule)]
        [TestCase("8999^00063480", IdentifierFormatException.FormatRule)]
        public void Bad_IdNat_PS_values_name_the_rule(string value, string rule)
        {
            var ex = Assert.Throws<IdentifierFormatException>(() => ProfessionalId.Parse(value));

            Assert.That(ex!.Rule, Is.EqualTo(rule));
            Assert.That(ProfessionalId.TryParse(value, IdentifierValidation.Strict, out _), Is.False);
        }

        [Test]
        public void The_structure_XON_has_the_official_shape()
        {
            StructureId id = StructureId.Parse("499900063480001");

            Assert.That(id.Kind, Is.EqualTo(StructureIdKind.RppsRang));
            Assert.That(id.CheckKey, Is.EqualTo(CheckKeyStatus.Valid));
            Assert.That(id.ToXon("CABINET DR LIBRE").Format(), Is.EqualTo(SampleData.AuthorInstitutionXon));
        }

        [TestCase("1750712184", StructureIdKind.Finess, CheckKeyStatus.Valid, TestName = "FINESS of AP-HP")]
        [TestCase("1130786049", StructureIdKind.Finess, CheckKeyStatus.Valid, TestName = "FINESS of AP-HM")]
        [TestCase("10B0127189", StructureIdKind.Finess, CheckKeyStatus.NotVerifiable, TestName = "Test-platform FINESS with a letter")]
        [TestCase("2732829320", StructureIdKind.Siren, CheckKeyStatus.Valid, TestName = "SIREN")]
        [TestCase("373282932000074", StructureIdKind.Siret, CheckKeyStatus.Valid, TestName = "SIRET")]
        [TestCase("335600000000048", StructureIdKind.Siret, CheckKeyStatus.Valid, TestName = "SIRET of La Poste's head office (Luhn)")]
        [TestCase("335600000049837", StructureIdKind.Siret, CheckKeyStatus.Valid, TestName = "SIRET of a La Poste establishment (digit sum rule)")]
        [TestCase("00B2800585", StructureIdKind.CabinetAdeli, CheckKeyStatus.NotApplicable, TestName = "Cabinet ADELI")]
        public void Each_Struct_IdNat_kind_is_recognised_and_its_key_checked(string value, StructureIdKind kind, CheckKeyStatus key)
        {
            StructureId id = StructureId.Parse(value);

            Assert.That(id.Kind, Is.EqualTo(kind));
            Assert.That(id.CheckKey, Is.EqualTo(key));
        }

        [TestCase("1750712185", IdentifierFormatException.KeyRule)]
        [TestCase("2732829321", IdentifierFormatException.KeyRule)]
        [TestCase("373282932000075", IdentifierFormatException.KeyRule)]
        [TestCase("335600000000049", IdentifierFormatException.KeyRule)]
        [TestCase("335600000049838", IdentifierFormatException.KeyRule)]
        [TestCase("499900063481001", IdentifierFormatException.KeyRule)]
        [TestCase("17507121", IdentifierFormatException.FormatRule)]
        [TestCase("5123", IdentifierFormatException.PrefixRule)]
        public void Bad_Struct_IdNat_values_name_the_rule(string value, string rule)
        {
            var ex = Assert.Throws<IdentifierFormatException>(() => StructureId.Parse(value));

            Assert.That(ex!.Rule, Is.EqualTo(rule));
        }

        [TestCase("79927398713", true)]
        [TestCase("79927398710", false)]
        [TestCase("", false)]
        [TestCase("12a", false)]
        public void Luhn(string digits, bool valid) => Assert.That(DmpConnector.Identity.Luhn.IsValid(digits), Is.EqualTo(valid));
    }
}
