package dev.argogke.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The good and bad values of k8s.io/apimachinery v0.36.5 pkg/util/validation/validation_test.go,
 * TestIsDNS1123Label and TestIsDNS1123Subdomain, copied as they stand there.
 */
class KubeNamesTest {
    private static final List<String> GOOD_LABELS = List.of(
            "a", "ab", "abc", "a1", "a-1", "a--1--2--b",
            "0", "01", "012", "1a", "1-a", "1--a--b--2",
            "a".repeat(63));

    private static final List<String> BAD_LABELS = List.of(
            "", "A", "ABC", "aBc", "A1", "A-1", "1-A",
            "-", "a-", "-a", "1-", "-1",
            "_", "a_", "_a", "a_b", "1_", "_1", "1_2",
            ".", "a.", ".a", "a.b", "1.", ".1", "1.2",
            " ", "a ", " a", "a b", "1 ", " 1", "1 2",
            "a".repeat(64));

    private static final List<String> GOOD_SUBDOMAINS = List.of(
            "a", "ab", "abc", "a1", "a-1", "a--1--2--b",
            "0", "01", "012", "1a", "1-a", "1--a--b--2",
            "a.a", "ab.a", "abc.a", "a1.a", "a-1.a", "a--1--2--b.a",
            "a.1", "ab.1", "abc.1", "a1.1", "a-1.1", "a--1--2--b.1",
            "0.a", "01.a", "012.a", "1a.a", "1-a.a", "1--a--b--2",
            "0.1", "01.1", "012.1", "1a.1", "1-a.1", "1--a--b--2.1",
            "a.b.c.d.e", "aa.bb.cc.dd.ee", "1.2.3.4.5", "11.22.33.44.55",
            "a".repeat(253));

    private static final List<String> BAD_SUBDOMAINS = List.of(
            "", "A", "ABC", "aBc", "A1", "A-1", "1-A",
            "-", "a-", "-a", "1-", "-1",
            "_", "a_", "_a", "a_b", "1_", "_1", "1_2",
            ".", "a.", ".a", "a..b", "1.", ".1", "1..2",
            " ", "a ", " a", "a b", "1 ", " 1", "1 2",
            "A.a", "aB.a", "ab.A", "A1.a", "a1.A",
            "A.1", "aB.1", "A1.1", "1A.1",
            "0.A", "01.A", "012.A", "1A.a", "1a.A",
            "A.B.C.D.E", "AA.BB.CC.DD.EE", "a.B.c.d.e", "aa.bB.cc.dd.ee",
            "a@b", "a,b", "a_b", "a;b",
            "a:b", "a%b", "a?b", "a$b",
            "a".repeat(254));

    @Test
    void aNamespaceNameIsADns1123Label() {
        GOOD_LABELS.forEach(name -> assertTrue(KubeNames.isLabel(name), name));
        BAD_LABELS.forEach(name -> assertFalse(KubeNames.isLabel(name), name));
    }

    @Test
    void anObjectNameIsADns1123Subdomain() {
        GOOD_SUBDOMAINS.forEach(name -> assertTrue(KubeNames.isSubdomain(name), name));
        BAD_SUBDOMAINS.forEach(name -> assertFalse(KubeNames.isSubdomain(name), name));
    }

    @Test
    void aNameTooLongIsToldItsLengthFirstAsUpstreamReportsIt() {
        // IsDNS1123Subdomain appends MaxLenError(253) before the format error.
        assertEquals(Optional.of("must be at most 253 characters"), KubeNames.subdomainProblem("A".repeat(254)));
        assertEquals(Optional.of("must be lower-case letters, digits, '-' and '.', starting and ending with a letter"
                + " or digit (a DNS-1123 subdomain)"), KubeNames.subdomainProblem("a..b"));
    }
}
