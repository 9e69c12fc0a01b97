using System;
using System.Collections.Generic;
using System.Linq;

namespace DmpConnector.Identity
{
    /// <summary>
    /// The strict identity traits of a patient, as the RNIV and the INSi teleservice define them: birth name, birth
    /// first names, sex, birth date and birth place; plus the optional used name and used first name.
    /// </summary>
    /// <remarks>
    /// Send traits exactly as INSi returned them. Names are patient data: <see cref="ToString"/> does not print them.
    /// </remarks>
    public sealed class IdentityTraits : IEquatable<IdentityTraits>
    {
        /// <summary>The longest name accepted (characters).</summary>
        public const int MaxNameLength = 200;

        /// <summary>Creates the traits.</summary>
        /// <param name="birthName">The birth (family) name, <c>NomNaissance</c>.</param>
        /// <param name="firstNames">The birth first names in order, <c>ListePrenom</c> (at least one).</param>
        /// <param name="sex">The sex.</param>
        /// <param name="birthDate">The birth date, possibly partial.</param>
        /// <param name="birthPlace">The birth place COG code; null when not known.</param>
        /// <param name="firstFirstName">The first birth first name, <c>Prenom</c>; defaults to the first of <paramref name="firstNames"/>.</param>
        /// <param name="usedName">The used name, if different.</param>
        /// <param name="usedFirstName">The used first name, if different.</param>
        /// <exception cref="DmpInputException">A name is empty, too long or holds control characters (rule <c>TRAITS-NAME</c>).</exception>
        public IdentityTraits(string birthName, IEnumerable<string> firstNames, Sex sex, PartialDate birthDate, CogCode? birthPlace = null, string? firstFirstName = null, string? usedName = null, string? usedFirstName = null)
        {
            if (firstNames is null)
            {
                throw new ArgumentNullException(nameof(firstNames));
            }

            BirthName = CheckName(birthName, "birthName", required: true)!;
            string[] names = firstNames.ToArray();
            if (names.Length == 0)
            {
                throw new DmpInputException("firstNames", "TRAITS-FIRST-NAMES", "at least one birth first name is required", null, valueIsSensitive: true);
            }

            for (int i = 0; i < names.Length; i++)
            {
                names[i] = CheckName(names[i], "firstNames", required: true)!;
            }

            FirstNames = Array.AsReadOnly(names);
            FirstFirstName = CheckName(firstFirstName, "firstFirstName", required: false) ?? FirstFirstOf(names[0]);
            UsedName = CheckName(usedName, "usedName", required: false);
            UsedFirstName = CheckName(usedFirstName, "usedFirstName", required: false);
            Sex = sex;
            BirthDate = birthDate;
            BirthPlace = birthPlace;
        }

        /// <summary>The birth (family) name.</summary>
        public string BirthName { get; }

        /// <summary>The birth first names, in order.</summary>
        public IReadOnlyList<string> FirstNames { get; }

        /// <summary>The birth first names as one text, separated by spaces (the CDA <c>given</c> without qualifier).</summary>
        public string FirstNamesText => string.Join(" ", FirstNames);

        /// <summary>The first birth first name (the CDA <c>given qualifier="BR"</c>).</summary>
        public string FirstFirstName { get; }

        /// <summary>The used name, or null.</summary>
        public string? UsedName { get; }

        /// <summary>The used first name, or null.</summary>
        public string? UsedFirstName { get; }

        /// <summary>The sex.</summary>
        public Sex Sex { get; }

        /// <summary>The birth date, possibly partial.</summary>
        public PartialDate BirthDate { get; }

        /// <summary>The birth place COG code, or null when not known.</summary>
        public CogCode? BirthPlace { get; }

        /// <inheritdoc />
        public bool Equals(IdentityTraits? other) =>
            other is not null
            && string.Equals(BirthName, other.BirthName, StringComparison.Ordinal)
            && FirstNames.SequenceEqual(other.FirstNames, StringComparer.Ordinal)
            && string.Equals(FirstFirstName, other.FirstFirstName, StringComparison.Ordinal)
            && string.Equals(UsedName, other.UsedName, StringComparison.Ordinal)
            && string.Equals(UsedFirstName, other.UsedFirstName, StringComparison.Ordinal)
            && Sex == other.Sex
            && BirthDate == other.BirthDate
            && Equals(BirthPlace, other.BirthPlace);

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as IdentityTraits);

        /// <inheritdoc />
        public override int GetHashCode() => (StringComparer.Ordinal.GetHashCode(BirthName) * 31) + BirthDate.GetHashCode();

        /// <summary>A log-safe description (no names or dates unless sensitive data is opted in).</summary>
        /// <returns>The description.</returns>
        public override string ToString() => Diagnostics.DmpSensitiveData.IsIncluded
            ? $"{BirthName} {FirstNamesText} ({Sex}, {BirthDate}, {BirthPlace})"
            : "IdentityTraits (redacted)";

        private static string FirstFirstOf(string firstName)
        {
            // INSi sometimes returns the whole list in one string ("JEAN PIERRE"): the first first name is its first word.
            int space = firstName.IndexOf(' ');
            return space > 0 ? firstName.Substring(0, space) : firstName;
        }

        private static string? CheckName(string? value, string field, bool required)
        {
            if (string.IsNullOrEmpty(value))
            {
                if (required)
                {
                    throw new DmpInputException(field, "TRAITS-NAME", "the name is required", value, valueIsSensitive: true);
                }

                return null;
            }

            string trimmed = value!.Trim();
            if (trimmed.Length == 0 || trimmed.Length > MaxNameLength)
            {
                throw new DmpInputException(field, "TRAITS-NAME", $"a name has 1 to {MaxNameLength} characters besides surrounding spaces", value, valueIsSensitive: true);
            }

            foreach (char c in trimmed)
            {
                if (char.IsControl(c))
                {
                    throw new DmpInputException(field, "TRAITS-NAME", "a name holds no control characters (tabs, line breaks)", value, valueIsSensitive: true);
                }
            }

            return trimmed;
        }
    }
}
