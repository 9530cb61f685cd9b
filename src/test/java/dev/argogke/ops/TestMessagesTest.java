package dev.argogke.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The test-message commands for the cases the status tables do not show. */
class TestMessagesTest {
    private final TestMessages messages = new TestMessages("argo-events", Optional.empty());
    private final SensorShape.Dependency export = new SensorShape.Dependency("export", "hr-exports", "export-finished");

    @Test
    void withoutTheStacksProjectThePubSubCommandSaysWhereTheProjectGoes() {
        TestMessage m = messages.of(export, Map.of("pubSub", Map.of("export-finished",
                Map.of("topic", "hr-export-finished", "jsonBody", true))), Map.of("body.export.file", "x.csv"));

        assertEquals(List.of("gcloud pubsub topics publish hr-export-finished --project PROJECT"
                + " --message '{\"export\":{\"file\":\"x.csv\"}}'"), m.commands());
    }

    @Test
    void aBodyFieldWithoutJsonBodyIsPointedOut() {
        // gcppubsub/start.go: without jsonBody the data stays bytes, so body.file finds nothing.
        TestMessage m = messages.of(export, Map.of("pubSub", Map.of("export-finished",
                Map.of("topic", "t", "projectID", "p"))), Map.of("body.file", "test"));

        assertEquals(List.of("gcloud pubsub topics publish t --project p --message 'test'"), m.commands());
        assertEquals(Optional.of("the trigger reads fields of the body, but the event source does not set jsonBody: true,"
                + " so the body reaches the Sensor as bytes"), m.note());
    }

    @Test
    void aWebhookWithoutAServiceHasNoCommandAndSaysWhy() {
        SensorShape.Dependency landed = new SensorShape.Dependency("landed", "uploads", "file-landed");
        TestMessage m = messages.of(landed, Map.of("webhook", Map.of("file-landed",
                Map.of("port", "12000", "endpoint", "/file-landed", "method", "POST"))), Map.of());

        assertEquals(List.of(), m.commands());
        assertEquals(Optional.of("EventSource uploads has no spec.service.ports entry for port 12000, so the controller"
                + " makes no Service that reaches it"), m.note());
    }

    @Test
    void aSingleQuoteInAValueStaysInsideTheShellWord() {
        assertEquals("'{\"who\":\"o'\\''brien\"}'", TestMessages.quote(TestMessages.body(Map.of("body.who", "o'brien"))));
    }
}
