using System;
using System.IO;
using System.Threading.Tasks;
using DmpConnector.Cda;
using DmpConnector.Tests.Support;
using NUnit.Framework;

namespace DmpConnector.Tests.Cda
{
    /// <summary>
    /// A 200 MB document is packed from a non-seekable generator and unpacked into a checking sink: the bytes allocated
    /// stay far below the document's size, so it is never held in memory (measured with the GC's allocation counter,
    /// not with time). Speed is measured in tests/DmpConnector.Benchmarks/CdaBenchmarks.cs.
    /// </summary>
    [NonParallelizable]
    public class CdaStreamingTests
    {
        private const long DocumentSize = 200L * 1024 * 1024;
        private const long AllocationBudget = 16L * 1024 * 1024;

        [Test]
        public async Task A_200_MB_document_is_packed_read_and_unpacked_with_bounded_allocations()
        {
            string path = Path.Combine(Path.GetTempPath(), "dmpconnector-cda-stream-" + Guid.NewGuid().ToString("N") + ".xml");
            try
            {
                CdaDocumentRequest request = SampleData.CdaRequest();
                long before = GC.GetTotalAllocatedBytes(precise: true);
                CdaBuildResult built;
                using (FileStream file = new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
                {
                    built = await new CdaBuilder().WriteAsync(request, new GeneratedDocumentStream(DocumentSize), file);
                }

                long packed = GC.GetTotalAllocatedBytes(precise: true) - before;

                before = GC.GetTotalAllocatedBytes(precise: true);
                CdaDocumentMetadata metadata;
                using (FileStream file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous))
                {
                    metadata = await new CdaReader().ReadAsync(file);
                }

                long read = GC.GetTotalAllocatedBytes(precise: true) - before;

                var sink = new CheckingSinkStream();
                before = GC.GetTotalAllocatedBytes(precise: true);
                using (FileStream file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous))
                {
                    await new CdaReader().ExtractAsync(file, sink);
                }

                long unpacked = GC.GetTotalAllocatedBytes(precise: true) - before;
                TestContext.Out.WriteLine($"200 MB: packed {packed / 1024} KiB allocated, read {read / 1024} KiB, unpacked {unpacked / 1024} KiB; CDA {built.Size / (1024 * 1024)} MiB");

                Assert.That(built.ContentLength, Is.EqualTo(DocumentSize));
                Assert.That(new FileInfo(path).Length, Is.EqualTo(built.Size));
                Assert.That(metadata.Hash, Is.EqualTo(built.Hash));
                Assert.That(metadata.EmbeddedLength, Is.EqualTo(DocumentSize));
                Assert.That(sink.Count, Is.EqualTo(DocumentSize));
                Assert.That(sink.Mismatches, Is.Zero);
                Assert.That(packed, Is.LessThan(AllocationBudget), "packing allocates far less than the document");
                Assert.That(read, Is.LessThan(AllocationBudget), "reading allocates far less than the document");
                Assert.That(unpacked, Is.LessThan(AllocationBudget), "unpacking allocates far less than the document");
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
