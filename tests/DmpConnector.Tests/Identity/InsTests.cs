using System;
using System.Diagnostics;
using System.Linq;
using DmpConnector.Diagnostics;
using DmpConnector.Identity;
using DmpConnector.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;

namespace DmpConnector.Tests.Identity
{
    public class InsTests
    {
        [TestCaseSource(typeof(SampleData), nameof(SampleData.PublicInsExamples))]
        public void The_public_examples_are_valid_and_their_key_is_recomputed(string value)
        {
            Ins ins = Ins.Parse(value);

            Assert.That(ins.Value, Is.EqualTo(value));
            Assert.That(Ins.ComputeKey(ins.Number), Is.EqualTo(ins.Key));
            Assert.That(Ins.FromNumberAndKey(ins.Number, ins.Key), Is.EqualTo(ins));
        }

        [TestCaseSource(typeof(SampleData), nameof(SampleData.PublicInsExamples))]
        public void Every_single_digit_change_of_a_public_example_fails_the_key_check(string value)
        {
            int mutants = 0;
            for (int position = 0; position < value.Length; position++)
            {
                if (!char.IsDigit(value[position]))
                {
                    continue; // the A or B of a Corsican department
                }

                foreach (char digit in "0123456789")
                {
                    if (digit == value[position])
                    {
                        continue;
                    }

                    string mutant = value.Substring(0, position) + digit + value.Substring(position + 1);
                    bool stillCorsicanShape = !(position == 5 && (value[6] is 'A' or 'B'));
                    bool valid = Ins.TryParse(mutant, InsKind.Nir, out _, out InsRule rule);

                    Assert.That(valid, Is.False, $"position {position} changed to {digit}");
                    Assert.That(rule, Is.EqualTo(stillCorsicanShape ? InsRule.Key : InsRule.Characters), $"position {position} changed to {digit}");
                    mutants++;
                }
            }

            Assert.That(mutants, Is.GreaterThanOrEqualTo(14 * 9 - 9));
        }

        [Test]
        public void Corsica_2A_counts_as_19_and_2B_as_18_in_the_key()
        {
            Assert.That(Ins.ComputeKey("253072A073004"), Is.EqualTo("43"));
            Assert.That(Ins.ComputeKey("253072B073004"), Is.EqualTo("70"));
            Assert.That(Ins.ComputeKey("2530719073004"), Is.EqualTo("43"), "2A is the same number as 19");
            Assert.That(Ins.ComputeKey("2530718073004"), Is.EqualTo("70"), "2B is the same number as 18");

            // Each department with the other's key is refused, both ways.
            Assert.That(Ins.TryParse("253072A07300470", InsKind.Nir, out _, out InsRule a), Is.False);
            Assert.That(a, Is.EqualTo(InsRule.Key));
            Assert.That(Ins.TryParse("253072B07300443", InsKind.Nir, out _, out InsRule b), Is.False);
            Assert.That(b, Is.EqualTo(InsRule.Key));

            Ins corsican = Ins.Parse("253072A07300443");
            Assert.That(corsican.BirthDepartment, Is.EqualTo("2A"));
            Assert.That(corsican.BirthPlaceCode, Is.EqualTo("2A073"));
        }

        [Test]
        public void A_lower_case_Corsican_letter_as_the_INSi_schema_allows_is_normalised()
        {
            Ins ins = Ins.Parse("253072a07300443");

            Assert.That(ins.Value, Is.EqualTo("253072A07300443"));
        }

        [Test]
        public void The_structure_of_the_DMP_test_patient_is_read()
        {
            Ins ins = Ins.Parse(SampleData.DmpTestPatientIns, InsKind.NirTest);

            Assert.Multiple(() =>
            {
                Assert.That(ins.Sex, Is.EqualTo(Sex.Female));
                Assert.That(ins.BirthYear, Is.EqualTo("07"));
                Assert.That(ins.BirthMonth, Is.EqualTo(5));
                Assert.That(ins.BirthDepartment, Is.EqualTo("85"));
                Assert.That(ins.BirthCommune, Is.EqualTo("756"));
                Assert.That(ins.BirthOrder, Is.EqualTo("270"));
                Assert.That(ins.Number, Is.EqualTo("2070585756270"));
                Assert.That(ins.Key, Is.EqualTo("97"));
                Assert.That(ins.Oid, Is.EqualTo("1.2.250.1.213.1.4.10"));
                Assert.That(ins.IsBornAbroad, Is.False);
            });
        }

        [TestCase("20", null)]
        [TestCase("35", null)]
        [TestCase("42", null)]
        [TestCase("50", null)]
        [TestCase("99", null)]
        [TestCase("01", 1)]
        [TestCase("12", 12)]
        public void Special_month_values_are_accepted_and_read_as_unknown(string month, int? expected)
        {
            Ins ins = Ins.Parse(WithKey("185" + month + "63220888"));

            Assert.That(ins.BirthMonth, Is.EqualTo(expected));
            Assert.That(ins.BirthMonthCode, Is.EqualTo(month));
        }

        [TestCase("00")]
        [TestCase("13")]
        [TestCase("19")]
        [TestCase("43")]
        [TestCase("49")]
        public void Months_that_do_not_exist_are_refused(string month)
        {
            AssertRule(WithKey("185" + month + "63220888"), InsRule.Month);
        }

        [TestCase('0')]
        [TestCase('5')]
        [TestCase('6')]
        [TestCase('9')]
        public void The_sex_digit_must_be_1_2_3_4_7_or_8(char sex)
        {
            AssertRule(WithKey(sex + "8507" + "63220888"), InsRule.Sex);
        }

        [Test]
        public void Department_00_is_refused()
        {
            AssertRule(WithKey("18507" + "00" + "220888"), InsRule.Department);
        }

        [Test]
        public void Overseas_departments_have_three_digits_and_the_commune_two()
        {
            Ins ins = Ins.Parse(WithKey("18507" + "974" + "11" + "123"));

            Assert.That(ins.BirthDepartment, Is.EqualTo("974"));
            Assert.That(ins.BirthCommune, Is.EqualTo("11"));
            Assert.That(ins.BirthPlaceCode, Is.EqualTo("97411"));
        }

        [Test]
        public void Born_abroad_is_department_99_with_the_country_code()
        {
            Ins ins = Ins.Parse(WithKey("28507" + "99" + "350" + "123"));

            Assert.That(ins.IsBornAbroad, Is.True);
            Assert.That(ins.BirthCommune, Is.EqualTo("350"));
        }

        [Test]
        public void Temporary_numbers_give_their_sex()
        {
            Assert.That(Ins.Parse(WithKey("78507" + "99" + "350" + "123")).Sex, Is.EqualTo(Sex.Male));
            Assert.That(Ins.Parse(WithKey("88507" + "99" + "350" + "123")).IsTemporaryNumber, Is.True);
        }

        [Test]
        public void The_INS_is_read_from_and_written_to_the_DMP_CX_form()
        {
            Ins ins = Ins.ParseCx(SampleData.DmpTestPatientCx);

            Assert.That(ins.Kind, Is.EqualTo(InsKind.NirTest));
            Assert.That(ins.FormatCx(), Is.EqualTo(SampleData.DmpTestPatientCx));
            Assert.That(Ins.FromCx(ins.ToCx()), Is.EqualTo(ins));
        }

        [Test]
        public void The_CX_of_the_official_TD21_patientId_with_a_CX7_date_is_accepted()
        {
            Ins ins = Ins.ParseCx("207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^^20100907");

            Assert.That(ins.Value, Is.EqualTo("207058575627097"));
        }

        [TestCase("1.2.250.1.213.1.4.8", InsKind.Nir)]
        [TestCase("1.2.250.1.213.1.4.9", InsKind.Nia)]
        [TestCase("1.2.250.1.213.1.4.10", InsKind.NirTest)]
        [TestCase("1.2.250.1.213.1.4.11", InsKind.NirDemo)]
        public void The_OID_of_the_CX_decides_the_kind(string oid, InsKind kind)
        {
            Ins ins = Ins.ParseCx($"207058575627097^^^&{oid}&ISO^NH");

            Assert.That(ins.Kind, Is.EqualTo(kind));
            Assert.That(Ins.OidOf(kind), Is.EqualTo(oid));
        }

        [TestCase("207058575627097^^^&1.2.250.1.213.1.4.2&ISO^NH", InsRule.Oid, TestName = "The retired INS-C OID")]
        [TestCase("207058575627097^^^&1.2.250.1.999&ISO^NH", InsRule.Oid, TestName = "A local OID")]
        [TestCase("207058575627097^^^&1.2.250.1.213.1.4.10&ISO^PI", InsRule.Cx, TestName = "A PI identifier type")]
        [TestCase("207058575627097^^^&1.2.250.1.213.1.4.10&DNS^NH", InsRule.Cx, TestName = "A non-ISO universal id type")]
        [TestCase("207058575627097", InsRule.Cx, TestName = "No assigning authority")]
        [TestCase("207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH|x", InsRule.Cx, TestName = "A field separator")]
        [TestCase("207058575627098^^^&1.2.250.1.213.1.4.10&ISO^NH", InsRule.Key, TestName = "A wrong key in a CX")]
        [TestCase("", InsRule.Empty, TestName = "An empty CX")]
        public void Bad_CX_forms_name_the_rule(string cx, InsRule expected)
        {
            var ex = Assert.Throws<InsFormatException>(() => Ins.ParseCx(cx));

            Assert.That(ex!.InsRule, Is.EqualTo(expected));
            Assert.That(ex.Rule, Is.EqualTo(InsRules.Id(expected)));
        }

        [TestCase(null, InsRule.Empty)]
        [TestCase("", InsRule.Empty)]
        [TestCase(" ", InsRule.Length)]
        [TestCase("               ", InsRule.Characters)]
        [TestCase("2 07 05 85 756 270 97", InsRule.Length)]
        [TestCase("20705857562709 ", InsRule.Characters)]
        [TestCase(" 20705857562709", InsRule.Characters)]
        [TestCase("2070585756270 7", InsRule.Characters)]
        [TestCase("20705857562709", InsRule.Length)]
        [TestCase("2070585756270977", InsRule.Length)]
        [TestCase("20705857562709X", InsRule.Characters)]
        [TestCase("ABCDEFGHIJKLMNO", InsRule.Characters)]
        [TestCase("253072C07300443", InsRule.Characters)]
        [TestCase("25307A207300443", InsRule.Characters)]
        [TestCase("2070585756270\u0669\u0667", InsRule.Characters)]
        [TestCase("20705857562709\0", InsRule.Characters)]
        [TestCase("207058575627000", InsRule.Key)]
        [TestCase("207058575627099", InsRule.Key)]
        public void Bad_input_of_every_shape_gives_a_typed_exception_naming_the_rule(string? value, InsRule expected)
        {
            var ex = Assert.Throws<InsFormatException>(() => Ins.Parse(value!));

            Assert.That(ex!.InsRule, Is.EqualTo(expected));
            Assert.That(ex.Field, Is.EqualTo("INS"));
            Assert.That(ex.Message, Does.Contain(InsRules.Id(expected)));
        }

        [Test]
        public void A_huge_string_is_refused_on_its_length_without_being_read()
        {
            string huge = new('1', 10 * 1024 * 1024);

            var ex = Assert.Throws<InsFormatException>(() => Ins.Parse(huge));
            Assert.That(ex!.InsRule, Is.EqualTo(InsRule.Length));
            Assert.That(Ins.TryParseCx(huge + "^^^&1.2.250.1.213.1.4.8&ISO^NH", out _, out InsRule rule), Is.False);
            Assert.That(rule, Is.EqualTo(InsRule.Cx));
        }

        [Test]
        public void Number_and_key_given_separately_are_checked_like_the_whole()
        {
            Assert.That(Ins.FromNumberAndKey("1090763220888", "35", InsKind.Nia).Kind, Is.EqualTo(InsKind.Nia));
            Assert.That(Assert.Throws<InsFormatException>(() => Ins.FromNumberAndKey("1090763220888", "36"))!.InsRule, Is.EqualTo(InsRule.Key));
            Assert.That(Assert.Throws<InsFormatException>(() => Ins.FromNumberAndKey("109076322088", "835"))!.InsRule, Is.EqualTo(InsRule.Length));
            Assert.That(Assert.Throws<InsFormatException>(() => Ins.FromNumberAndKey("", "35"))!.InsRule, Is.EqualTo(InsRule.Empty));
        }

        [Test]
        [NonParallelizable]
        public void The_INS_is_kept_out_of_messages_and_ToString_unless_the_application_opts_in()
        {
            var ex = Assert.Throws<InsFormatException>(() => Ins.Parse("207058575627098"));
            Assert.That(ex!.Message, Does.Not.Contain("20705857562709"));
            Assert.That(ex.Value, Is.Null);
            Assert.That(ex.IsValueRedacted, Is.True);
            Assert.That(Ins.Parse(SampleData.DmpTestPatientIns).ToString(), Does.Not.Contain("2070585756"));

            AppContext.SetSwitch(DmpSensitiveData.SwitchName, true);
            try
            {
                var shown = Assert.Throws<InsFormatException>(() => Ins.Parse("207058575627098"));
                Assert.That(shown!.Message, Does.Contain("207058575627098"));
                Assert.That(shown.Value, Is.EqualTo("207058575627098"));
                Assert.That(Ins.Parse(SampleData.DmpTestPatientIns).ToString(), Does.Contain("207058575627097"));
            }
            finally
            {
                AppContext.SetSwitch(DmpSensitiveData.SwitchName, false);
            }
        }

        [Test]
        public void Equality_compares_kind_and_value()
        {
            Ins a = Ins.Parse(SampleData.DmpTestPatientIns, InsKind.NirTest);

            Assert.That(a, Is.EqualTo(Ins.ParseCx(SampleData.DmpTestPatientCx)));
            Assert.That(a, Is.Not.EqualTo(Ins.Parse(SampleData.DmpTestPatientIns, InsKind.Nir)));
            Assert.That(a.WithKind(InsKind.Nir), Is.EqualTo(Ins.Parse(SampleData.DmpTestPatientIns, InsKind.Nir)));
            Assert.That(a.GetHashCode(), Is.EqualTo(Ins.ParseCx(SampleData.DmpTestPatientCx).GetHashCode()));
        }

        [Test]
        public void Property_any_well_formed_number_with_its_computed_key_parses_and_formats_back_exactly()
        {
            Gen<string> digits(int n) => Gen.ArrayOf(Gen.Choose(0, 9), n).Select(a => string.Concat(a));
            Gen<string> department = Gen.OneOf(
                Gen.Choose(1, 95).Select(d => d.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).SelectMany(d => digits(3).Select(c => d + c)),
                Gen.Elements("2A", "2B").SelectMany(d => digits(3).Select(c => d + c)),
                Gen.Elements("971", "972", "973", "974", "976", "987", "988").SelectMany(d => digits(2).Select(c => d + c)),
                digits(3).Select(c => "99" + c));
            Gen<string> month = Gen.OneOf(Gen.Choose(1, 12), Gen.Choose(20, 42), Gen.Choose(50, 99))
                .Select(m => m.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
            Gen<string> number =
                from sex in Gen.Elements('1', '2', '3', '4', '7', '8')
                from year in digits(2)
                from m in month
                from place in department
                from order in digits(3)
                select sex + year + m + place + order;
            Gen<InsKind> kind = Gen.Elements(InsKind.Nir, InsKind.Nia, InsKind.NirTest, InsKind.NirDemo);

            Prop.ForAll(
                    number.Zip(kind).ToArbitrary(),
                    pair =>
                    {
                        string value = pair.Item1 + Ins.ComputeKey(pair.Item1);
                        Ins ins = Ins.Parse(value, pair.Item2);
                        return ins.Value == value
                            && Ins.ParseCx(ins.FormatCx()).Equals(ins)
                            && Ins.Parse(ins.Value, ins.Kind).Equals(ins)
                            && ins.BirthPlaceCode == pair.Item1.Substring(5, 5);
                    })
                .Check(Config.QuickThrowOnFailure.WithMaxTest(2000));
        }

        [Test]
        public void Property_random_strings_never_crash_the_parser()
        {
            Prop.ForAll(
                    ArbMap.Default.ArbFor<string>(),
                    s =>
                    {
                        bool ok = Ins.TryParse(s, InsKind.Nir, out Ins? ins, out InsRule rule);
                        bool okCx = Ins.TryParseCx(s, out _, out _);
                        return ok == (rule == InsRule.None) && (ok == (ins is not null)) && (!okCx || s.Contains('^'));
                    })
                .Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
        }

        private static string WithKey(string number) => number + Ins.ComputeKey(number);

        private static void AssertRule(string value, InsRule expected)
        {
            Assert.That(Ins.TryParse(value, InsKind.Nir, out _, out InsRule rule), Is.False);
            Assert.That(rule, Is.EqualTo(expected));
            var ex = Assert.Throws<InsFormatException>(() => Ins.Parse(value));
            Assert.That(ex!.InsRule, Is.EqualTo(expected));
        }
    }
}
