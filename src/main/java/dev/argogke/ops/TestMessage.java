package dev.argogke.ops;

import java.util.List;
import java.util.Optional;

/**
 * How to send one of a Sensor's dependencies a test event (see {@link TestMessages}).
 *
 * @param dependency the event it waits for, {@code eventsource/event}
 * @param commands   what to run, in order; empty when there is no way from here
 * @param note       what the commands need, or why there are none
 */
public record TestMessage(String dependency, List<String> commands, Optional<String> note) {
}
