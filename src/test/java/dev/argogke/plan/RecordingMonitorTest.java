package dev.argogke.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.gcp.serviceaccount.AccountArgs;
import com.pulumi.gcp.serviceaccount.IAMMember;
import com.pulumi.gcp.serviceaccount.IAMMemberArgs;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the offline plan records of a registration, on a small program whose urns, dependencies
 * and options are worked out by hand from Pulumi's rules (see {@link Urns}, {@link CreationOrder}).
 */
class RecordingMonitorTest {
    static final String PREFIX = "urn:pulumi:dev::argo-gke::";
    static final String GROUP = PREFIX + "test:index:Group::group";
    static final String ACCOUNT = PREFIX + "test:index:Group$gcp:serviceaccount/account:Account::sa";
    static final String INNER = PREFIX + "test:index:Group$test:index:Group$gcp:storage/bucket:Bucket::inner";
    static final String BINDING = PREFIX + "gcp:serviceaccount/iAMMember:IAMMember::binding";
    static final String LATE = PREFIX + "gcp:storage/bucket:Bucket::late";

    static final class Group extends ComponentResource {
        Group(String name, ComponentResourceOptions options) {
            super("test:index:Group", name, options);
        }
    }

    private static List<PlanFile.Resource> record() {
        return OfflinePlan.record("dev", Map.of("gcp:project", "p"), Set.of(), ctx -> {
            var group = new Group("group", null);
            var account = new Account("sa", AccountArgs.builder().accountId("sa").build(), CustomResourceOptions.builder()
                    .parent(group)
                    .protect(true)
                    .deleteBeforeReplace(true)
                    .ignoreChanges("displayName", "description")
                    .additionalSecretOutputs("email")
                    .aliases(Alias.builder().name("old-sa").build(),
                            Alias.builder().noParent().build(),
                            Alias.withUrn(PREFIX + "gcp:serviceaccount/account:Account::older"))
                    .build());
            var inner = new Group("inner", ComponentResourceOptions.builder().parent(group).build());
            new Bucket("inner", BucketArgs.builder().location("EU").build(), CustomResourceOptions.builder().parent(inner).build());
            new IAMMember("binding", IAMMemberArgs.builder()
                    .serviceAccountId(account.name())
                    .role("roles/iam.workloadIdentityUser")
                    .member("serviceAccount:p.svc.id.goog[argo/argo]")
                    .build());
            new Bucket("late", BucketArgs.builder().location("EU").build(),
                    CustomResourceOptions.builder().dependsOn(group).build());
            ctx.export("unused", Output.of(""));
        }).resources();
    }

    private static PlanFile.Resource find(List<PlanFile.Resource> resources, String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + urn + " in " + resources.stream().map(PlanFile.Resource::urn).toList()));
    }

    @Test
    void resourcesAreNamedAsTheEngineNamesThemWithoutTheStacksType() {
        List<PlanFile.Resource> resources = record();
        assertEquals(GROUP, find(resources, ACCOUNT).parent());
        assertEquals(PREFIX + "pulumi:pulumi:Stack::argo-gke-dev", find(resources, GROUP).parent());
        find(resources, INNER);
        assertTrue(resources.stream().noneMatch(r -> r.urn().contains("Stack$")), resources.toString());
    }

    @Test
    void theOptionsTheEngineActsOnAreRecorded() {
        PlanFile.Options options = find(record(), ACCOUNT).options();
        assertTrue(options.protect());
        assertTrue(options.deleteBeforeReplace());
        assertEquals(List.of("description", "displayName"), options.ignoreChanges());
        assertEquals(List.of("email"), options.additionalSecretOutputs());
        assertEquals(List.of(
                PREFIX + "gcp:serviceaccount/account:Account::older",
                PREFIX + "gcp:serviceaccount/account:Account::sa",
                // The provider's SDK adds this one itself: the type's former casing.
                PREFIX + "test:index:Group$gcp:serviceAccount/account:Account::sa",
                PREFIX + "test:index:Group$gcp:serviceaccount/account:Account::old-sa"), options.aliases(),
                "a name alias keeps the parent; noParent drops it; a urn alias is taken as is");
    }

    @Test
    void dependenciesAreRecordedAsSentAndWhatMustExistFirstIsExpanded() {
        List<PlanFile.Resource> resources = record();
        PlanFile.Resource binding = find(resources, BINDING);
        assertEquals(List.of(ACCOUNT), binding.dependencies());
        assertEquals(List.of(ACCOUNT), binding.propertyDependencies().get("serviceAccountId"));
        assertEquals(List.of(ACCOUNT), binding.dependsOn());
        // dependsOn(group) waits for every custom resource beneath it, through the inner component.
        assertEquals(List.of(ACCOUNT, INNER), find(resources, LATE).dependsOn());
        assertFalse(find(resources, LATE).dependsOn().contains(GROUP), "components are not created, so not waited for");
    }
}
