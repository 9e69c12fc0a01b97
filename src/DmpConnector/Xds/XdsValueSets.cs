using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using DmpConnector.Identity;

namespace DmpConnector.Xds
{
    /// <summary>The coded XDS attributes that have a DMP value set.</summary>
    public enum XdsCodedField
    {
        /// <summary>DocumentEntry classCode (JDV_J57_ClassCode_DMP).</summary>
        ClassCode,

        /// <summary>DocumentEntry typeCode (LOINC and TRE_A05; JDV_J66_TypeCode_DMP).</summary>
        TypeCode,

        /// <summary>DocumentEntry formatCode (JDV_J60_FormatCode_DMP).</summary>
        FormatCode,

        /// <summary>DocumentEntry confidentialityCode (JDV_J58_ConfidentialityCode_DMP).</summary>
        ConfidentialityCode,

        /// <summary>DocumentEntry healthcareFacilityTypeCode (TRE_R02 and the TRE_A00 producer codes).</summary>
        HealthcareFacilityTypeCode,

        /// <summary>DocumentEntry practiceSettingCode.</summary>
        PracticeSettingCode,

        /// <summary>SubmissionSet contentTypeCode (JDV_J59_ContentTypeCode_DMP).</summary>
        ContentTypeCode,

        /// <summary>Author authorSpecialty (JDV_J01_XdsAuthorSpecialty_CISIS).</summary>
        AuthorSpecialty,

        /// <summary>The identifier type (CX.5) of a referenceIdList value (JDV_J231).</summary>
        ReferenceIdType,
    }

    /// <summary>
    /// One value set: its concepts (code, code system, display name), where it comes from and whether it is known to
    /// be complete. Immutable; <see cref="WithConcepts"/> gives an extended copy for codes published after this release.
    /// </summary>
    public sealed class XdsValueSet
    {
        private readonly Dictionary<string, CodedValue> byKey;

        /// <summary>Creates a value set.</summary>
        /// <param name="attribute">The attribute it constrains.</param>
        /// <param name="name">The value set name, e.g. <c>JDV_J57_ClassCode_DMP</c>.</param>
        /// <param name="oid">The value set OID, or null when not known.</param>
        /// <param name="isComplete">True when the list is the whole value set (an unknown code is then an error).</param>
        /// <param name="source">Where the list comes from.</param>
        /// <param name="concepts">The concepts (code, code system, display name).</param>
        public XdsValueSet(XdsCodedField attribute, string name, string? oid, bool isComplete, string source, IEnumerable<CodedValue> concepts)
        {
            Attribute = attribute;
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Oid = oid;
            IsComplete = isComplete;
            Source = source ?? string.Empty;
            byKey = new Dictionary<string, CodedValue>(StringComparer.Ordinal);
            var ordered = new List<CodedValue>();
            foreach (CodedValue concept in concepts ?? throw new ArgumentNullException(nameof(concepts)))
            {
                string key = Key(concept.Code, concept.CodeSystem);
                if (byKey.ContainsKey(key))
                {
                    ordered[ordered.FindIndex(c => Key(c.Code, c.CodeSystem) == key)] = concept;
                }
                else
                {
                    ordered.Add(concept);
                }

                byKey[key] = concept;
            }

            Concepts = ordered.AsReadOnly();
        }

        /// <summary>The attribute this value set constrains.</summary>
        public XdsCodedField Attribute { get; }

        /// <summary>The value set name.</summary>
        public string Name { get; }

        /// <summary>The value set OID, or null when not known.</summary>
        public string? Oid { get; }

        /// <summary>True when the list is known to be the whole value set; false when it holds only the codes found in public material.</summary>
        public bool IsComplete { get; }

        /// <summary>Where the concepts come from.</summary>
        public string Source { get; }

        /// <summary>The concepts, in order.</summary>
        public IReadOnlyList<CodedValue> Concepts { get; }

        /// <summary>True when the code of this code system is in the value set.</summary>
        /// <param name="code">The code.</param>
        /// <param name="codeSystem">The code system OID (or <c>URN</c>, <c>ASTM</c>… as the DMP writes them).</param>
        /// <returns>True when known.</returns>
        public bool Contains(string code, string codeSystem) => byKey.ContainsKey(Key(code, codeSystem));

        /// <summary>True when the coded value (code and code system) is in the value set.</summary>
        /// <param name="value">The value.</param>
        /// <returns>True when known.</returns>
        public bool Contains(CodedValue value) => value is not null && Contains(value.Code, value.CodeSystem);

        /// <summary>The display name of a code, or null when the code is not in the value set.</summary>
        /// <param name="code">The code.</param>
        /// <param name="codeSystem">The code system.</param>
        /// <returns>The display name.</returns>
        public string? FindDisplayName(string code, string codeSystem) =>
            byKey.TryGetValue(Key(code, codeSystem), out CodedValue? concept) ? concept.DisplayName : null;

        /// <summary>A copy with more concepts (a concept already present gets the new display name).</summary>
        /// <param name="concepts">The concepts to add, e.g. codes published after this release.</param>
        /// <returns>The extended value set.</returns>
        public XdsValueSet WithConcepts(IEnumerable<CodedValue> concepts) =>
            new(Attribute, Name, Oid, IsComplete, Source, Concepts.Concat(concepts ?? throw new ArgumentNullException(nameof(concepts))));

        private static string Key(string code, string codeSystem) => (codeSystem ?? string.Empty) + "\u0001" + (code ?? string.Empty);
    }

    /// <summary>
    /// The DMP value sets of XDS metadata, shipped as embedded data (<see cref="Dmp"/>; sources in
    /// <c>Xds/ValueSets/README.md</c>), with display-name lookups. Immutable: <see cref="Extend"/> returns a catalog with
    /// extra codes, for codes the DMP publishes after this release.
    /// </summary>
    public sealed class XdsValueSets
    {
        private const string ResourceName = "DmpConnector.Xds.ValueSets.xds-value-sets.tsv";
        private static readonly Lazy<XdsValueSets> DmpLazy = new(Load);
        private readonly Dictionary<XdsCodedField, XdsValueSet> sets;

        /// <summary>Creates a catalog from value sets (one per attribute; a later one replaces an earlier one).</summary>
        /// <param name="valueSets">The value sets.</param>
        public XdsValueSets(IEnumerable<XdsValueSet> valueSets)
        {
            sets = new Dictionary<XdsCodedField, XdsValueSet>();
            foreach (XdsValueSet set in valueSets ?? throw new ArgumentNullException(nameof(valueSets)))
            {
                sets[set.Attribute] = set;
            }
        }

        /// <summary>The DMP value sets embedded in this release.</summary>
        public static XdsValueSets Dmp => DmpLazy.Value;

        /// <summary>Every value set of the catalog.</summary>
        public IEnumerable<XdsValueSet> All => sets.Values;

        /// <summary>The value set of an attribute, or null when the catalog has none.</summary>
        /// <param name="attribute">The attribute.</param>
        /// <returns>The value set.</returns>
        public XdsValueSet? Find(XdsCodedField attribute) => sets.TryGetValue(attribute, out XdsValueSet? set) ? set : null;

        /// <summary>The display name of a code of an attribute, or null when unknown.</summary>
        /// <param name="attribute">The attribute.</param>
        /// <param name="code">The code.</param>
        /// <param name="codeSystem">The code system.</param>
        /// <returns>The display name.</returns>
        public string? FindDisplayName(XdsCodedField attribute, string code, string codeSystem) => Find(attribute)?.FindDisplayName(code, codeSystem);

        /// <summary>The value with the value set's display name when it has none (unchanged when it has one or the code is unknown).</summary>
        /// <param name="attribute">The attribute.</param>
        /// <param name="value">The coded value.</param>
        /// <returns>The value with a display name when known.</returns>
        public CodedValue WithDisplayName(XdsCodedField attribute, CodedValue value)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            return value.DisplayName is null && FindDisplayName(attribute, value.Code, value.CodeSystem) is { } display ? value.WithDisplayName(display) : value;
        }

        /// <summary>A catalog in which the attribute's value set also holds these concepts.</summary>
        /// <param name="attribute">The attribute.</param>
        /// <param name="concepts">The concepts to add.</param>
        /// <returns>The extended catalog.</returns>
        public XdsValueSets Extend(XdsCodedField attribute, IEnumerable<CodedValue> concepts)
        {
            XdsValueSet set = Find(attribute) ?? new XdsValueSet(attribute, attribute.ToString(), null, false, "caller", Array.Empty<CodedValue>());
            return new XdsValueSets(sets.Values.Where(s => s.Attribute != attribute).Append(set.WithConcepts(concepts)));
        }

        private static XdsValueSets Load()
        {
            using Stream stream = typeof(XdsValueSets).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException("The embedded XDS value sets are missing from the assembly.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var result = new List<XdsValueSet>();
            string[]? header = null;
            var concepts = new List<CodedValue>();
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                string[] fields = line.Split('\t');
                if (fields[0] == "@")
                {
                    Flush(header, concepts, result);
                    header = fields;
                    concepts = new List<CodedValue>();
                }
                else
                {
                    concepts.Add(new CodedValue(fields[0], fields[1], fields.Length > 2 && fields[2].Length > 0 ? fields[2] : null));
                }
            }

            Flush(header, concepts, result);
            return new XdsValueSets(result);
        }

        private static void Flush(string[]? header, List<CodedValue> concepts, List<XdsValueSet> result)
        {
            if (header is null)
            {
                return;
            }

            if (!Enum.TryParse(header[1], ignoreCase: true, out XdsCodedField attribute))
            {
                throw new InvalidOperationException("The embedded XDS value sets name an unknown field: " + header[1]);
            }

            result.Add(new XdsValueSet(attribute, header[2], header[3] == "-" ? null : header[3], header[4] == "complete", header[5], concepts));
        }
    }
}
