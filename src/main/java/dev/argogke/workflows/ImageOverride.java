package dev.argogke.workflows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Per-stack image overrides: point the team's own images at another registry path or tag (dev
 * runs {@code :dev} builds from the dev project's registry). Only images in Google's registries
 * (Artifact Registry {@code *-docker.pkg.dev}, Container Registry {@code *gcr.io}) are the team's
 * own; public images such as {@code alpine:3.20} are never rewritten.
 */
public record ImageOverride(Optional<String> registry, Optional<String> tag) {
    private static final Pattern OWN_REGISTRY = Pattern.compile("([a-z0-9-]+-docker\\.pkg\\.dev|([a-z]+\\.)?gcr\\.io)/.*");

    public boolean isEmpty() {
        return registry.isEmpty() && tag.isEmpty();
    }

    /** The image reference with the overrides applied, when it is one of the team's own. */
    public String apply(String image) {
        if (isEmpty() || !OWN_REGISTRY.matcher(image).matches()) {
            return image;
        }
        String ref = image;
        int at = ref.indexOf('@');
        String digest = at >= 0 ? ref.substring(at) : "";
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        String currentTag = colon > slash ? ref.substring(colon + 1) : null;
        String repository = colon > slash ? ref.substring(0, colon) : ref;
        String name = repository.substring(repository.lastIndexOf('/') + 1);
        String newRepository = registry.map(r -> r.replaceAll("/+$", "") + "/" + name).orElse(repository);
        if (tag.isPresent()) {
            // A digest pins one build; a tag override asks for another, so the digest goes.
            return newRepository + ":" + tag.get();
        }
        return newRepository + (currentTag == null ? "" : ":" + currentTag) + digest;
    }

    /** A deep copy of an Argo object's body with every {@code image:} rewritten. */
    public Object rewrite(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                Object value = e.getValue();
                out.put(key, "image".equals(key) && value instanceof String s ? apply(s) : rewrite(value));
            }
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(rewrite(item));
            }
            return out;
        }
        return node;
    }
}
