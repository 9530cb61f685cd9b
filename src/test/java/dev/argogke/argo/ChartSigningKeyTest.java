package dev.argogke.argo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The keyring Helm verifies argo-helm's charts with holds argo-helm's published key: its fingerprint,
 * computed as RFC 4880 section 12.2 defines it (SHA-1 of 0x99, the two-byte length and the public-key
 * packet's body), is the one argo-helm's README gives (2B8F 22F5 7260 EFA6 7BE1 C582 4B11 F800 CD9D 2252,
 * argo-helm#4053, "Verifying Chart Provenance"; `gpg --list-keys` on the file prints the same).
 */
class ChartSigningKeyTest {
    @Test
    void theKeyringsPrimaryKeyIsArgoHelmsSigningKey() throws IOException, NoSuchAlgorithmException {
        byte[] keyring = Files.readAllBytes(Path.of(ArgoVersion.KEYRING));
        // A binary (dearmored) keyring starts with an old-format public-key packet (tag 6) with a two-byte length.
        assertEquals(0x99, keyring[0] & 0xff, "not a binary OpenPGP keyring");
        int length = ((keyring[1] & 0xff) << 8) | (keyring[2] & 0xff);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(new byte[] {(byte) 0x99, keyring[1], keyring[2]});
        sha1.update(keyring, 3, length);
        assertEquals("2B8F22F57260EFA67BE1C5824B11F800CD9D2252", HexFormat.of().withUpperCase().formatHex(sha1.digest()));
        assertEquals("2B8F22F57260EFA67BE1C5824B11F800CD9D2252", ArgoVersion.SIGNING_KEY_FINGERPRINT);
    }
}
