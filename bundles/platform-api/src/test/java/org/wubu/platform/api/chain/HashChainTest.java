package org.wubu.platform.api.chain;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class HashChainTest {

    @Test
    public void knownVector() {
        // sha256("0"*64 + "1:a;") computed independently with sha256sum
        assertEquals("1:a;", HashChain.canonical("a"));
        assertEquals("df4e92878b9f50c8e5cff970c5210fd529c0717a9cf7f890753b4b1cb7aceeaf",
                HashChain.link(HashChain.GENESIS, "a"));
    }

    @Test
    public void fieldBoundariesCannotBeShifted() {
        assertNotEquals(HashChain.link(HashChain.GENESIS, "ab", "c"), HashChain.link(HashChain.GENESIS, "a", "bc"));
        assertNotEquals(HashChain.canonical("a;", ""), HashChain.canonical("a", ";"));
    }

    @Test
    public void nullAndEmptyEncodeAlike() {
        assertEquals(HashChain.link(HashChain.GENESIS, (String) null), HashChain.link(HashChain.GENESIS, ""));
    }

    @Test
    public void dependsOnPreviousHash() {
        String first = HashChain.link(HashChain.GENESIS, "x");
        assertNotEquals(HashChain.link(HashChain.GENESIS, "y"), HashChain.link(first, "y"));
    }

    @Test
    public void rejectsMalformedPrevious() {
        assertThrows(IllegalArgumentException.class, () -> HashChain.link("abc", "x"));
    }
}
