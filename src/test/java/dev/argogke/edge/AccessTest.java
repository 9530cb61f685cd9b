package dev.argogke.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.argogke.config.Settings;
import dev.argogke.testing.MockCloud;
import dev.argogke.testing.MockCloud.Registered;
import dev.argogke.testing.TestSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who IAP lets through: exactly the configured members. */
class AccessTest {
    private static MockCloud.Result run(Settings s) {
        return MockCloud.run(s.stack(), Map.of(), Set.of(), ctx ->
                new Access("access", new Access.Args(s.gcp().orElseThrow().project(), s.edge().orElseThrow().iapMembers()), null));
    }

    @Test
    void eachConfiguredMemberGetsOneIapAccessorBindingInTheStacksProject() {
        Settings prod = TestSettings.of("prod");
        List<Registered> bindings = run(prod).ofType("gcp:iap/webIamMember:WebIamMember");
        assertEquals(List.of("group:data-team@example.com", "user:ops-lead@example.com"),
                bindings.stream().map(b -> b.string("member")).sorted().toList());
        for (Registered b : bindings) {
            assertEquals("roles/iap.httpsResourceAccessor", b.string("role"));
            assertEquals("acme-argo-prod", b.string("project"));
        }
    }

    @Test
    void devGrantsItsSingleGroupAndNothingElse() {
        Registered binding = run(TestSettings.of("dev")).one("gcp:iap/webIamMember:WebIamMember");
        assertEquals("group:data-team@example.com", binding.string("member"));
        assertEquals("acme-argo-dev", binding.string("project"));
    }

    @Test
    void bindingsAreNamedByMemberSoRemovingOneLeavesTheOthersUntouched() {
        List<String> names = run(TestSettings.of("prod")).ofType("gcp:iap/webIamMember:WebIamMember").stream()
                .map(Registered::name).sorted().toList();
        assertEquals(List.of("access-group:data-team@example.com", "access-user:ops-lead@example.com"), names);
    }

    @Test
    void anEmptyMemberListIsNeverAnOpenDoor() {
        assertThrows(IllegalArgumentException.class, () -> new Access.Args("acme-argo-dev", List.of()));
    }
}
