using DmpConnector.Identity;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Identity
{
    public class ProfessionalContextTests
    {
        private static readonly CodedValue Physician = new(HealthProfessional.PhysicianProfessionCode, HealthProfessional.ProfessionCodeSystem, "Médecin");
        private static readonly CodedValue Nurse = new("60", HealthProfessional.ProfessionCodeSystem, "Infirmier");

        [Test]
        public void A_professional_gives_the_official_authorPerson_XCN()
        {
            var professional = new HealthProfessional(ProfessionalId.Parse("899900063480"), "MAX", "LIBRE", Physician, new CodedValue("SM26", HealthProfessional.SpecialtyCodeSystem));

            Assert.That(professional.ToXcn().Format(), Is.EqualTo(SampleData.AuthorPersonXcn));
        }

        [Test]
        public void An_organization_gives_the_official_authorInstitution_XON()
        {
            var organization = new HealthcareOrganization(StructureId.Parse("499900063480001"), "CABINET DR LIBRE", new CodedValue("SA07", HealthcareOrganization.SectorOfActivityCodeSystem));

            Assert.That(organization.ToXon().Format(), Is.EqualTo(SampleData.AuthorInstitutionXon));
        }

        [Test]
        public void Doctors_and_pharmacists_require_a_specialty_and_nurses_do_not()
        {
            ProfessionalId id = ProfessionalId.Parse("899900063480");
            var pharmacist = new CodedValue(HealthProfessional.PharmacistProfessionCode, HealthProfessional.ProfessionCodeSystem);
            var sameCodeOtherSystem = new CodedValue("10", "1.2.250.1.213.1.1.4.6");

            Assert.That(new HealthProfessional(id, "MAX", null, Physician).RequiresSpecialty, Is.True);
            Assert.That(new HealthProfessional(id, "MAX", null, pharmacist).RequiresSpecialty, Is.True);
            Assert.That(new HealthProfessional(id, "MAX", null, Nurse).RequiresSpecialty, Is.False);
            Assert.That(new HealthProfessional(id, "MAX", null, sameCodeOtherSystem).RequiresSpecialty, Is.False);
        }

        [Test]
        public void Names_are_required()
        {
            Assert.That(Assert.Throws<DmpInputException>(() => new HealthProfessional(ProfessionalId.Parse("899900063480"), " ", null, Nurse))!.Rule, Is.EqualTo("PROFESSIONAL-NAME"));
            Assert.That(Assert.Throws<DmpInputException>(() => new HealthcareOrganization(StructureId.Parse("499900063480001"), ""))!.Rule, Is.EqualTo("ORGANIZATION-NAME"));
        }
    }
}
