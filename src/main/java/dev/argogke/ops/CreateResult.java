package dev.argogke.ops;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * What happened to one create.
 *
 * @param outcome  created, already there, or failed
 * @param workflow the object as the server has it (created or already there); null when failed
 * @param failure  why it failed; null otherwise
 * @param retries  how many extra attempts it took
 */
public record CreateResult(Outcome outcome, GenericKubernetesResource workflow, String failure, int retries) {
    public enum Outcome { CREATED, EXISTING, FAILED }
}
