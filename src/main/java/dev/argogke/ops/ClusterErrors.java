package dev.argogke.ops;

import dev.argogke.UserError;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Turns a failed API call into one line that says what went wrong and what to do next.
 * Only failures the user can act on come here; 404 and 409 are handled where they mean something.
 */
final class ClusterErrors {
    private ClusterErrors() {
    }

    static UserError toUserError(KubernetesClientException e, String what, KubeConnection where, String namespace) {
        int code = e.getCode();
        String at = "the cluster at " + where.server() + " (context " + where.context() + ")";
        String detail = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage() : KubeConnection.firstLine(e);
        if (code == 401) {
            return new UserError(at + " rejected your credentials (HTTP 401) while " + what
                    + ": refresh them with `" + where.credentialsCommand() + "` (after `gcloud auth login`"
                    + " if your session expired; GKE also needs `gcloud components install gke-gcloud-auth-plugin`)", e);
        }
        if (code == 403) {
            return new UserError("not allowed to " + what + " in namespace " + namespace + " (HTTP 403: " + detail
                    + "): ask for a role that can read and create argoproj.io workflows there, or pick the"
                    + " namespace with -n", e);
        }
        if (code == 404) {
            return new UserError(what + " failed: " + at + " answered HTTP 404 (" + detail
                    + "): is Argo Workflows installed there (`pulumi up -s STACK`), and is this the right context?", e);
        }
        if (code <= 0 && Retry.tlsFailure(e)) {
            return new UserError(at + " is not trusted while " + what + " (TLS: " + rootCause(e)
                    + "): the kubeconfig's certificate authority is out of date; refresh it with `"
                    + where.credentialsCommand() + "`", e);
        }
        if (code <= 0 && Retry.causedBy(e, java.net.UnknownHostException.class)) {
            return new UserError("cannot find the cluster's host " + where.server() + " (context " + where.context()
                    + ") while " + what + ": check the context, or refresh it with `" + where.credentialsCommand() + "`", e);
        }
        if (code <= 0) {
            return new UserError("cannot reach " + at + " while " + what + " (" + rootCause(e)
                    + "): check the cluster is running and you are on its network, or refresh the endpoint with `"
                    + where.credentialsCommand() + "`", e);
        }
        return new UserError(what + " failed: HTTP " + code + ": " + detail, e);
    }

    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : KubeConnection.firstLine(t);
    }
}
