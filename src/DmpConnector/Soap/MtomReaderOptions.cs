namespace DmpConnector.Soap
{
    /// <summary>Limits and buffering of the MTOM reader. Immutable; the defaults suit DMP documents up to 2 GiB.</summary>
    public sealed class MtomReaderOptions
    {
        /// <summary>The defaults.</summary>
        public static MtomReaderOptions Default { get; } = new();

        /// <summary>The most parts a message may have (rule <c>MTOM-LIMIT-PARTS</c>); 1000 by default.</summary>
        public int MaxParts { get; init; } = 1000;

        /// <summary>The most bytes of one part's header block (rule <c>MTOM-LIMIT-HEADER</c>); 16 KiB by default.</summary>
        public int MaxHeaderBytes { get; init; } = 16 * 1024;

        /// <summary>The most bytes of the whole message (rule <c>MTOM-LIMIT-TOTAL</c>); 2 GiB by default.</summary>
        public long MaxTotalBytes { get; init; } = 2L * 1024 * 1024 * 1024;

        /// <summary>
        /// Parts larger than this are written to a temporary file (deleted when the message is disposed) instead of
        /// memory; 1 MiB by default. 0 puts every part in a file.
        /// </summary>
        public int SpillThresholdBytes { get; init; } = 1024 * 1024;

        /// <summary>The folder of the temporary files; the system temporary folder when null.</summary>
        public string? TempDirectory { get; init; }
    }
}
