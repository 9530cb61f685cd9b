package dev.argogke.cluster;

import com.pulumi.core.Output;
import com.pulumi.gcp.kms.CryptoKey;
import com.pulumi.gcp.kms.CryptoKeyArgs;
import com.pulumi.gcp.kms.CryptoKeyIAMMember;
import com.pulumi.gcp.kms.CryptoKeyIAMMemberArgs;
import com.pulumi.gcp.kms.KeyRing;
import com.pulumi.gcp.kms.KeyRingArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;

/**
 * The Cloud KMS key that encrypts the cluster's Kubernetes Secrets at the application layer (GKE
 * docs, "Encrypt secrets at the application layer", cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets):
 * GKE encrypts each Secret with a data key, and that data key with this key, so an offline copy of
 * the cluster's etcd reveals no Secret without access to the key. GKE's service agent may use the
 * key and nothing else here.
 *
 * <ul>
 *   <li>Location: the cluster's region. GKE asks for the key "in the same location as the cluster";
 *       Cloud KMS has regions, not zones, so a zonal cluster's key is in its zone's region
 *       ({@code gcp:region}, which the cluster's location must be in).</li>
 *   <li>Rotation: a new key version every {@value #ROTATION_PERIOD} (90 days, CIS Google Cloud
 *       Platform Foundation Benchmark 1.10). Old versions stay enabled: data keys wrapped by them are
 *       still unwrapped with them (envelope encryption: the key encryption key "can be rotated
 *       without requiring re-encryption of all the Secrets", the GKE page above). Each version is
 *       billed while active (Cloud KMS pricing), so the key costs one more version per rotation.</li>
 *   <li>Names: Pulumi's auto-names (the logical name and a random suffix; pulumi-gcp names every
 *       resource that way unless told otherwise, {@code SetAutonaming}). Key rings and keys cannot be
 *       deleted from Cloud KMS: destroying one only removes it from the state (pulumi-gcp 7.0.0 and
 *       terraform-provider-google, {@code google_kms_key_ring}, {@code google_kms_crypto_key}), and
 *       its name stays taken, so a fixed name would make the next {@code pulumi up} after a
 *       {@code destroy} fail with 409 "already exists".</li>
 *   <li>{@code pulumi destroy}: the ring stays in the project; the key stays and all its versions are
 *       scheduled for destruction, destroyed after {@value #DESTROY_SCHEDULED_DURATION} (30 days, in
 *       which they can be restored: Cloud KMS, "Destroy and restore key versions"). Once destroyed,
 *       whatever they encrypted is unreadable for good.</li>
 *   <li>{@code protect} (when the cluster has deletion protection, as prod must): Pulumi refuses any
 *       operation that would delete the key, a destroy or a replacement alike, so its versions cannot
 *       be scheduled for destruction while a cluster may still need them (a cluster whose key is gone
 *       cannot read its Secrets). Turning {@code cluster.deletionProtection} off and running
 *       {@code pulumi up} lifts both, which is the one deliberate way to tear prod down.</li>
 * </ul>
 */
public final class SecretsKey extends ComponentResource {
    /** The role GKE's service agent needs on the key (the GKE page above). */
    public static final String ROLE = "roles/cloudkms.cryptoKeyEncrypterDecrypter";
    public static final String ROTATION_PERIOD = "7776000s";
    public static final String DESTROY_SCHEDULED_DURATION = "2592000s";

    /**
     * @param region        where the key ring goes: the cluster's region
     * @param projectNumber names GKE's service agent ({@link ProjectNumber})
     * @param protect       refuse deleting the key (the cluster's deletion protection)
     */
    public record Args(String project, String region, Output<String> projectNumber, boolean protect) {
    }

    private final CryptoKey key;
    private final CryptoKeyIAMMember grant;

    public SecretsKey(String name, Args args, ComponentResourceOptions options) {
        super("argo-gke:cluster:SecretsKey", name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        var ring = new KeyRing(name, KeyRingArgs.builder()
                .project(args.project())
                .location(args.region())
                .build(), child);
        this.key = new CryptoKey(name, CryptoKeyArgs.builder()
                // The ring's id is projects/P/locations/L/keyRings/R, the form keyRing takes; the key's id,
                // .../cryptoKeys/K, is the form the cluster's keyName and the grant's cryptoKeyId take.
                .keyRing(ring.id())
                .purpose("ENCRYPT_DECRYPT")
                .rotationPeriod(ROTATION_PERIOD)
                .destroyScheduledDuration(DESTROY_SCHEDULED_DURATION)
                .build(), CustomResourceOptions.builder().parent(this).protect(args.protect()).build());
        this.grant = new CryptoKeyIAMMember(name + "-gke", CryptoKeyIAMMemberArgs.builder()
                .cryptoKeyId(key.id())
                .role(ROLE)
                .member(args.projectNumber().applyValue(n -> "serviceAccount:" + ProjectNumber.gkeServiceAgent(n)))
                .build(), child);
        registerOutputs(Map.of("key", key.id()));
    }

    public CryptoKey key() {
        return key;
    }

    /** The service agent's access to the key: the cluster must be created after it. */
    public CryptoKeyIAMMember grant() {
        return grant;
    }
}
