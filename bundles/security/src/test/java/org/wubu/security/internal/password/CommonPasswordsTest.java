package org.wubu.security.internal.password;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.Test;

public class CommonPasswordsTest {

    @Test
    public void bundledListHasAtLeastTenThousandEntries() {
        int size = CommonPasswords.bundled().size();
        assertTrue("only " + size + " common passwords", size >= 10_000);
    }

    @Test
    public void bundledListShipsNextToTheClassWithItsNotice() throws Exception {
        try (InputStream list = CommonPasswords.class.getResourceAsStream(CommonPasswords.RESOURCE);
             InputStream notice = CommonPasswords.class.getResourceAsStream("common-passwords.NOTICE.txt")) {
            assertNotNull("common-passwords.txt must be generated into the bundle by the build", list);
            assertNotNull(notice);
            assertTrue(new String(notice.readAllBytes(), StandardCharsets.UTF_8).contains("MIT"));
        }
    }

    @Test
    public void bundledListIsLoadedOnce() {
        assertSame(CommonPasswords.bundled(), CommonPasswords.bundled());
    }

    @Test
    public void findsCommonPasswordsIgnoringCase() {
        CommonPasswords list = CommonPasswords.bundled();
        for (String common : new String[] {"123456", "password", "password1", "qwerty", "iloveyou", "Password1", "QWERTY"}) {
            assertTrue(common, list.contains(common.toCharArray()));
        }
        for (String rare : new String[] {"Demo-pass-2026", "Wubu-五步-2026", "password1!x"}) {
            assertFalse(rare, list.contains(rare.toCharArray()));
        }
        assertFalse(list.contains(new char[0]));
        assertFalse(list.contains(null));
    }

    @Test
    public void candidateIsNotModified() {
        char[] candidate = "PassWord1".toCharArray();
        CommonPasswords.bundled().contains(candidate);
        assertArrayEquals("PassWord1".toCharArray(), candidate);
    }

    @Test
    public void ownListIsLowerCasedTrimmedAndSkipsBlanks() {
        CommonPasswords list = new CommonPasswords(Arrays.asList("Wubu2026", "  shop-admin  ", "", "   ", "WUBU2026"));
        assertEquals(2, list.size());
        assertTrue(list.contains("wubu2026".toCharArray()));
        assertTrue(list.contains("SHOP-ADMIN".toCharArray()));
        assertFalse(list.contains("shop".toCharArray()));
    }

    @Test
    public void loadsOnePasswordPerLine() {
        CommonPasswords list = CommonPasswords.load(new ByteArrayInputStream("one\r\nTwo\n\n密码123\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(3, list.size());
        assertTrue(list.contains("TWO".toCharArray()));
        assertTrue(list.contains("密码123".toCharArray()));
    }

    @Test
    public void missingListFailsLoudly() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CommonPasswords.load(null));
        assertTrue(e.getMessage(), e.getMessage().contains("zxcvbn"));
    }
}
