using System.Linq;
using DmpConnector.Tests.Support;
using DmpConnector.Xds;
using NUnit.Framework;

namespace DmpConnector.Tests.Xds
{
    public class XdsRegistryExceptionTests
    {
        [Test]
        public void A_failure_becomes_a_typed_exception_with_codes_locations_and_explanations()
        {
            var response = (RegistryResponse)SampleData.ReadXds(SampleData.XdsFixturePath("registry-response-failure.xml"));

            var ex = Assert.Throws<XdsRegistryException>(() => XdsRegistryException.ThrowIfFailed(response, partialIsFailure: false));

            Assert.That(ex!.Status, Is.EqualTo(XdsResponseStatus.Failure));
            Assert.That(ex.ErrorCodes, Is.EqualTo(new[] { "XDSPatientIdDoesNotMatch" }), "warnings are not errors");
            Assert.That(ex.Errors, Has.Count.EqualTo(2));
            Assert.That(ex.HasError("XDSExtraMetadataNotSaved"), Is.True);
            Assert.That(ex.Message, Does.Contain("XDSPatientIdDoesNotMatch at DocumentCR1: a patient id differs"));
            Assert.That(ex.Message, Does.Not.Contain("The patient id of the document"), "the registry's codeContext stays out of the message");
            Assert.That(ex.IsTransient, Is.False);
            Assert.That(ex.Response, Is.SameAs(response));
            Assert.That(ex, Is.InstanceOf<DmpException>().And.Not.InstanceOf<DmpInputException>());
        }

        [Test]
        public void Success_and_other_messages_pass()
        {
            Assert.DoesNotThrow(() => XdsRegistryException.ThrowIfFailed(new RegistryResponse(), partialIsFailure: true));
            Assert.DoesNotThrow(() => XdsRegistryException.ThrowIfFailed(SampleData.XdsQueryResponse(1), partialIsFailure: true));
            Assert.DoesNotThrow(() => XdsRegistryException.ThrowIfFailed(new RetrieveDocumentSetRequest(), partialIsFailure: true));
        }

        [Test]
        public void Partial_success_fails_only_when_asked()
        {
            var response = new RetrieveDocumentSetResponse
            {
                Response = new RegistryResponse
                {
                    Status = XdsResponseStatus.PartialSuccess,
                    Errors = new[] { new RegistryError { ErrorCode = "XDSDocumentUniqueIdError", Location = "1.2.250.1.999.3" } },
                },
            };

            Assert.DoesNotThrow(() => XdsRegistryException.ThrowIfFailed(response, partialIsFailure: false));
            var ex = Assert.Throws<XdsRegistryException>(() => XdsRegistryException.ThrowIfFailed(response, partialIsFailure: true));
            Assert.That(ex!.Message, Does.Contain("partly failed").And.Contain("not the entryUUID"));
        }

        [TestCase("XDSRegistryBusy", true)]
        [TestCase("XDSRepositoryOutOfResources", true)]
        [TestCase("XDSRegistryMetadataError", false)]
        [TestCase("DMPSomethingElse", false)]
        public void Busy_and_unavailable_services_are_transient(string code, bool transient)
        {
            var response = new AdhocQueryResponse
            {
                Status = XdsResponseStatus.Failure,
                Errors = new[] { new RegistryError { ErrorCode = code } },
            };

            var ex = Assert.Throws<XdsRegistryException>(() => XdsRegistryException.ThrowIfFailed(response, partialIsFailure: false));

            Assert.That(ex!.IsTransient, Is.EqualTo(transient));
            Assert.That(XdsErrorCodes.Explain(code), Is.Not.Empty);
        }
    }
}
