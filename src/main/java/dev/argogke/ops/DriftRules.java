package dev.argogke.ops;

/**
 * What the deployment changes on the way from {@code workflows/} to the cluster, so that those
 * changes are not reported as drift. Mirrors the stack's {@code workflows} settings.
 *
 * @param suspendAll     every CronWorkflow is deployed with {@code spec.suspend: true}
 * @param imagesRetagged the stack replaces every image's tag ({@code workflows.imageTag})
 * @param imagesMoved    the stack replaces every image's registry ({@code workflows.imageRegistry})
 */
public record DriftRules(boolean suspendAll, boolean imagesRetagged, boolean imagesMoved) {
    public static DriftRules none() {
        return new DriftRules(false, false, false);
    }

    /** The part of an image reference both sides must agree on under these rules. */
    String comparableImage(String image) {
        String rest = image;
        if (imagesRetagged) {
            int at = rest.indexOf('@');
            if (at >= 0) {
                rest = rest.substring(0, at);
            }
            int colon = rest.lastIndexOf(':');
            if (colon > rest.lastIndexOf('/')) {
                rest = rest.substring(0, colon);
            }
        }
        if (imagesMoved) {
            // The replaced registry may stand for several path parts (Artifact Registry:
            // REGION-docker.pkg.dev/PROJECT/REPO), so only the image's own name is certain to survive.
            String name = rest;
            int at = name.indexOf('@');
            String digest = at >= 0 ? name.substring(at) : "";
            name = at >= 0 ? name.substring(0, at) : name;
            rest = name.substring(name.lastIndexOf('/') + 1) + digest;
        }
        return rest;
    }
}
