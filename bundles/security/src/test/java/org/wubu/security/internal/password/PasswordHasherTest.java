package org.wubu.security.internal.password;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.BeforeClass;
import org.junit.Test;
import org.wubu.security.internal.password.PasswordHasher.Argon2Hash;
import org.wubu.security.internal.password.PasswordHasher.Argon2Settings;
import org.wubu.security.internal.password.PasswordHasher.Pbkdf2Hash;

/**
 * Argon2id at 19 MiB costs tens of milliseconds per hash, so the class hashes the main password
 * once and the tests share it.
 */
public class PasswordHasherTest {

    // Non-ASCII on purpose: the UTF-8 conversion is ours, not Bouncy Castle's.
    private static final String PASSWORD = "Demo-pass-2026-密码";
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");

    private static PasswordHasher hasher;
    private static String hash;

    @BeforeClass
    public static void hashOnce() {
        hasher = new PasswordHasher();
        hash = hasher.hash(PASSWORD.toCharArray());
    }

    @Test
    public void hashIsPhcStringWithCurrentParametersSaltAndOutput() {
        assertTrue(hash, PHC.matcher(hash).matches());
        Argon2Hash parsed = PasswordHasher.parseArgon2(hash).orElseThrow();
        assertEquals(Argon2Parameters.ARGON2_VERSION_13, parsed.version());
        assertEquals(Argon2Settings.DEFAULTS, parsed.settings());
        assertEquals(16, parsed.salt().length);
        assertEquals(32, parsed.hash().length);
    }

    @Test
    public void defaultsAreTheSec3Minimum() {
        assertEquals(new Argon2Settings(19_456, 2, 1), hasher.settings());
    }

    @Test
    public void roundTrip() {
        assertTrue(hasher.verify(PASSWORD.toCharArray(), hash));
    }

    @Test
    public void wrongPasswordFails() {
        assertFalse(hasher.verify("Demo-pass-2026-密".toCharArray(), hash));
        assertFalse(hasher.verify("demo-pass-2026-密码".toCharArray(), hash)); // case matters
        assertFalse(hasher.verify(new char[0], hash));
    }

    @Test
    public void passwordArrayIsLeftToTheCaller() {
        char[] password = PASSWORD.toCharArray();
        hasher.verify(password, "$argon2id$v=19$m=8,t=1,p=1$c29tZXNhbHQ$" + "A".repeat(43));
        assertArrayEquals(PASSWORD.toCharArray(), password);
    }

    @Test
    public void saltIsRandomSoTwoHashesOfOnePasswordDiffer() {
        String second = hasher.hash(PASSWORD.toCharArray());
        assertNotEquals(hash, second);
        assertFalse(java.util.Arrays.equals(PasswordHasher.parseArgon2(hash).orElseThrow().salt(),
                PasswordHasher.parseArgon2(second).orElseThrow().salt()));
        assertTrue(hasher.verify(PASSWORD.toCharArray(), second));
    }

    @Test
    public void parsesPhcParameters() {
        Argon2Hash parsed = PasswordHasher.parseArgon2(
                "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQxMjM0NTY3OA$" + b64(new byte[32])).orElseThrow();
        assertEquals(new Argon2Settings(65536, 3, 4), parsed.settings());
        assertEquals("somesalt12345678", new String(parsed.salt(), StandardCharsets.US_ASCII));
        assertEquals(Argon2Parameters.ARGON2_VERSION_13, parsed.version());
        // Padding is tolerated on input (never produced).
        assertTrue(PasswordHasher.parseArgon2("$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ=$" + b64(new byte[32]) + "=").isPresent());
    }

    /** The reference implementation's own vector (phc-winner-argon2 src/test.c): we interoperate with it. */
    @Test
    public void verifiesTheArgon2ReferenceVector() {
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertTrue(hasher.verify("password".toCharArray(), reference));
        // 64 MiB and t=2 are at least the current settings, but its 8-byte salt is below our 16 bytes.
        assertTrue(hasher.needsRehash(reference));
    }

    @Test
    public void hashWithOlderWeakerParametersStillVerifiesAndNeedsRehash() {
        // Made with Bouncy Castle directly (its own UTF-8 conversion), formatted by hand: an independent check
        // of our encoding, our UTF-8 bytes and our use of the stored parameters.
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(1024).withIterations(1).withParallelism(1).withSalt(salt).build());
        byte[] out = new byte[32];
        generator.generateBytes(PASSWORD.toCharArray(), out);
        String old = "$argon2id$v=19$m=1024,t=1,p=1$" + b64(salt) + "$" + b64(out);

        assertTrue(hasher.verify(PASSWORD.toCharArray(), old));
        assertFalse(hasher.verify("Demo-pass-2026".toCharArray(), old));
        assertTrue(hasher.needsRehash(old));
    }

    @Test
    public void needsRehashWhenStoredParametersAreBelowCurrentOnes() {
        String salt = b64(new byte[16]);
        String out = b64(new byte[32]);
        assertFalse(hasher.needsRehash(hash));
        assertFalse(hasher.needsRehash("$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$" + out));
        assertTrue("m lower", hasher.needsRehash("$argon2id$v=19$m=19455,t=2,p=1$" + salt + "$" + out));
        assertTrue("t lower", hasher.needsRehash("$argon2id$v=19$m=19456,t=1,p=1$" + salt + "$" + out));
        assertTrue("m and t lower", hasher.needsRehash("$argon2id$v=19$m=4096,t=1,p=1$" + salt + "$" + out));
        assertFalse("stronger", hasher.needsRehash("$argon2id$v=19$m=65536,t=3,p=2$" + salt + "$" + out));
        assertTrue("old Argon2 version", hasher.needsRehash("$argon2id$v=16$m=19456,t=2,p=1$" + salt + "$" + out));
        assertTrue("short salt", hasher.needsRehash("$argon2id$v=19$m=19456,t=2,p=1$" + b64(new byte[8]) + "$" + out));
        assertTrue("short output", hasher.needsRehash("$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$" + b64(new byte[16])));
        assertTrue("other algorithm", hasher.needsRehash("$pbkdf2-sha256$i=600000$" + salt + "$" + out));
        assertTrue("garbage", hasher.needsRehash("garbage"));
        assertTrue("null", hasher.needsRehash(null));
    }

    @Test
    public void raisingTheCurrentParametersMakesOldHashesNeedRehash() {
        PasswordHasher stronger = new PasswordHasher(new Argon2Settings(47_104, 2, 1));
        assertTrue(stronger.needsRehash(hash));
        assertTrue(new PasswordHasher(new Argon2Settings(19_456, 3, 1)).needsRehash(hash));
        assertTrue(new PasswordHasher(new Argon2Settings(19_456, 2, 2)).needsRehash(hash));
        assertTrue("old hashes keep verifying", stronger.verify(PASSWORD.toCharArray(), hash));
    }

    @Test
    public void settingsBelowTheSec3MinimumAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PasswordHasher(new Argon2Settings(8192, 2, 1)));
        assertTrue(e.getMessage(), e.getMessage().contains("19456"));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(new Argon2Settings(19_456, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Settings(19_456, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Settings(19_456, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Settings(4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Settings(PasswordHasher.MAX_MEMORY_KIB + 1, 2, 1));
    }

    @Test
    public void tamperedHashFails() {
        Argon2Hash parsed = PasswordHasher.parseArgon2(hash).orElseThrow();
        String prefix = "$argon2id$v=19$m=19456,t=2,p=1$";
        byte[] flippedHash = parsed.hash().clone();
        flippedHash[31] ^= 1;
        byte[] flippedSalt = parsed.salt().clone();
        flippedSalt[0] ^= 1;
        char[] password = PASSWORD.toCharArray();
        assertFalse("hash bit", hasher.verify(password, prefix + b64(parsed.salt()) + "$" + b64(flippedHash)));
        assertFalse("salt bit", hasher.verify(password, prefix + b64(flippedSalt) + "$" + b64(parsed.hash())));
        assertFalse("parameters", hasher.verify(password, hash.replace("t=2", "t=3")));
        assertFalse("truncated", hasher.verify(password, hash.substring(0, hash.length() - 1)));
    }

    @Test
    public void malformedOrUnknownStoredStringsNeverThrowAndNeverVerify() {
        String salt = b64(new byte[16]);
        String out = b64(new byte[32]);
        List<String> bad = List.of(
                "", "plain text", "$", "$$$$$", "$argon2id$", "$argon2id$v=19$m=19456,t=2,p=1$$",
                "$argon2id$v=19$m=19456,t=2,p=1$" + salt,
                "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$" + out + "$extra",
                "$argon2id$m=19456,t=2,p=1$" + salt + "$" + out,                 // no version
                "$argon2id$v=20$m=19456,t=2,p=1$" + salt + "$" + out,
                "$argon2id$v=19$t=2,m=19456,p=1$" + salt + "$" + out,            // order
                "$argon2id$v=19$m=19456,t=2$" + salt + "$" + out,
                "$argon2id$v=19$m=19456,t=2,p=1,keyid=x$" + salt + "$" + out,
                "$argon2id$v=19$m=0,t=2,p=1$" + salt + "$" + out,
                "$argon2id$v=19$m=-1,t=2,p=1$" + salt + "$" + out,
                "$argon2id$v=19$m=+19456,t=2,p=1$" + salt + "$" + out,
                "$argon2id$v=19$m=019456,t=2,p=1$" + salt + "$" + out,
                "$argon2id$v=19$m=99999999999,t=2,p=1$" + salt + "$" + out,
                "$argon2id$v=19$m=4194304,t=2,p=1$" + salt + "$" + out,          // 4 GiB: over the bound
                "$argon2id$v=19$m=19456,t=1000,p=1$" + salt + "$" + out,
                "$argon2id$v=19$m=19456,t=2,p=255$" + salt + "$" + out,
                "$argon2id$v=19$m=8,t=1,p=2$" + salt + "$" + out,                // m < 8 p
                "$argon2id$v=19$m=19456,t=2,p=1$!!!notbase64$" + out,
                "$argon2id$v=19$m=19456,t=2,p=1$" + b64(new byte[4]) + "$" + out, // salt too short
                "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$" + b64(new byte[4]), // output too short
                "$argon2id$v=19$m=19456,t=2,p=1$" + b64(new byte[200]) + "$" + out,
                "$argon2i$v=19$m=19456,t=2,p=1$" + salt + "$" + out,
                "$argon2d$v=19$m=19456,t=2,p=1$" + salt + "$" + out,
                "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",  // bcrypt: not supported
                "$pbkdf2-sha256$", "$pbkdf2-sha256$i=0$" + salt + "$" + out,
                "$pbkdf2-sha256$i=abc$" + salt + "$" + out,
                "$pbkdf2-sha256$i=99999999$" + salt + "$" + out,
                "$pbkdf2-sha256$600000$" + salt + "$" + out,
                "$pbkdf2-sha1$i=1000$" + salt + "$" + out,
                "$pbkdf2-sha256$i=1000$" + salt);
        for (String encoded : bad) {
            assertFalse(encoded, hasher.verify(PASSWORD.toCharArray(), encoded));
            assertTrue(encoded, hasher.needsRehash(encoded));
        }
        assertFalse(hasher.verify(PASSWORD.toCharArray(), null));
        assertFalse(hasher.verify(null, hash));
    }

    @Test
    public void pbkdf2RoundTrip() {
        String pbkdf2 = hasher.hashPbkdf2(PASSWORD.toCharArray(), 1000);
        assertTrue(pbkdf2, pbkdf2.matches("\\$pbkdf2-sha256\\$i=1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"));
        Pbkdf2Hash parsed = PasswordHasher.parsePbkdf2(pbkdf2).orElseThrow();
        assertEquals(1000, parsed.iterations());
        assertTrue(hasher.verify(PASSWORD.toCharArray(), pbkdf2));
        assertFalse(hasher.verify("Demo-pass-2027-密码".toCharArray(), pbkdf2));
        assertNotEquals(pbkdf2, hasher.hashPbkdf2(PASSWORD.toCharArray(), 1000));
        assertTrue("PBKDF2 hashes migrate to Argon2id", hasher.needsRehash(pbkdf2));
        String tampered = pbkdf2.replace("i=1000", "i=1001");
        assertFalse(hasher.verify(PASSWORD.toCharArray(), tampered));
    }

    @Test
    public void pbkdf2WithProductionIterations() {
        String pbkdf2 = hasher.hashPbkdf2(PASSWORD.toCharArray());
        assertTrue(pbkdf2, pbkdf2.startsWith("$pbkdf2-sha256$i=600000$"));
        assertTrue(hasher.verify(PASSWORD.toCharArray(), pbkdf2));
    }

    /** The widely published PBKDF2-HMAC-SHA256 vector (c=4096, dkLen=40), as produced by other systems. */
    @Test
    public void pbkdf2KnownVector() {
        byte[] salt = "saltSALTsaltSALTsaltSALTsaltSALTsalt".getBytes(StandardCharsets.US_ASCII);
        byte[] dk = HexFormat.of().parseHex("348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9");
        String encoded = "$pbkdf2-sha256$i=4096$" + b64(salt) + "$" + b64(dk);
        assertTrue(hasher.verify("passwordPASSWORDpassword".toCharArray(), encoded));
        assertFalse(hasher.verify("passwordPASSWORDpassworD".toCharArray(), encoded));
    }

    @Test
    public void utf8ConversionMatchesTheJdk() {
        assertArrayEquals(PASSWORD.getBytes(StandardCharsets.UTF_8), PasswordHasher.utf8(PASSWORD.toCharArray()));
        assertArrayEquals(new byte[0], PasswordHasher.utf8(new char[0]));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
