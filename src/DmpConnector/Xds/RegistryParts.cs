using System.Collections.Generic;

namespace DmpConnector.Xds
{
    /// <summary>An ebRIM slot: a name and its values, kept as written on the wire.</summary>
    public sealed record Slot
    {
        /// <summary>Creates a slot.</summary>
        /// <param name="name">The slot name.</param>
        /// <param name="values">The values, in order.</param>
        public Slot(string name, IEnumerable<string> values)
        {
            Name = name;
            Values = EquatableList<string>.From(values);
        }

        /// <summary>Creates a slot over values the caller no longer uses (reader hot path: no copy).</summary>
        internal Slot(string name, EquatableList<string> values)
        {
            Name = name;
            Values = values;
        }

        /// <summary>Creates a slot with one or more values.</summary>
        /// <param name="name">The slot name.</param>
        /// <param name="values">The values, in order.</param>
        public Slot(string name, params string[] values)
            : this(name, (IEnumerable<string>)values)
        {
        }

        /// <summary>The slot name.</summary>
        public string Name { get; init; }

        /// <summary>The values, in order.</summary>
        public EquatableList<string> Values { get; init; }

        /// <summary>The optional ebRIM slotType attribute.</summary>
        public string? SlotType { get; init; }
    }

    /// <summary>
    /// An ebRIM classification the model has no typed property for, kept so that nothing is lost on a round trip.
    /// </summary>
    public sealed record Classification
    {
        /// <summary>The classification's id as read (a new one is written when null).</summary>
        public string? Id { get; init; }

        /// <summary>
        /// The classifiedObject of a stand-alone classification (directly in a RegistryObjectList); null for a
        /// classification nested in its object (the writer uses the object's id).
        /// </summary>
        public string? ClassifiedObject { get; init; }

        /// <summary>The classificationScheme (external classification), or null.</summary>
        public string? Scheme { get; init; }

        /// <summary>The classificationNode (internal classification), or null.</summary>
        public string? Node { get; init; }

        /// <summary>The nodeRepresentation (the code), or null.</summary>
        public string? NodeRepresentation { get; init; }

        /// <summary>The Name (display name), or null.</summary>
        public string? Name { get; init; }

        /// <summary>The slots of the classification (e.g. <c>codingScheme</c>).</summary>
        public EquatableList<Slot> Slots { get; init; } = EquatableList<Slot>.Empty;
    }

    /// <summary>An ebRIM external identifier the model has no typed property for, kept on a round trip.</summary>
    public sealed record ExternalIdentifier
    {
        /// <summary>Creates an external identifier.</summary>
        /// <param name="scheme">The identificationScheme.</param>
        /// <param name="value">The value.</param>
        public ExternalIdentifier(string scheme, string value)
        {
            Scheme = scheme;
            Value = value;
        }

        /// <summary>The identifier's id as read (a new one is written when null).</summary>
        public string? Id { get; init; }

        /// <summary>The identificationScheme.</summary>
        public string Scheme { get; init; }

        /// <summary>The value.</summary>
        public string Value { get; init; }

        /// <summary>The Name, or null.</summary>
        public string? Name { get; init; }
    }

    /// <summary>
    /// What every XDS registry object has: its id, its logical id and version, its status, and the slots,
    /// classifications and external identifiers read that the typed model does not name (kept and written back).
    /// </summary>
    public interface IXdsObject
    {
        /// <summary>The object's id (entryUUID, or a symbolic id in a submission).</summary>
        string Id { get; }

        /// <summary>The logical id (<c>lid</c>), or null.</summary>
        string? LogicalId { get; }

        /// <summary>The version (<c>VersionInfo/@versionName</c>), or null.</summary>
        string? Version { get; }

        /// <summary>The availability status URN, or null.</summary>
        string? AvailabilityStatus { get; }

        /// <summary>The <c>home</c> attribute, or null.</summary>
        string? Home { get; }

        /// <summary>Slots the typed model does not name.</summary>
        EquatableList<Slot> ExtraSlots { get; }

        /// <summary>Classifications the typed model does not name.</summary>
        EquatableList<Classification> ExtraClassifications { get; }

        /// <summary>External identifiers the typed model does not name.</summary>
        EquatableList<ExternalIdentifier> ExtraExternalIdentifiers { get; }
    }
}
