package org.wubu.platform.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Map;
import org.junit.Test;
import org.wubu.platform.api.ValidationException;

public class RestEnumValueTest {

    enum Status { DRAFT, PENDING_LISTING, LISTED }

    @Test
    public void caseBlanksAndDashesDoNotMatter() {
        assertEquals(Status.LISTED, Rest.enumValue(Status.class, "status", "LISTED"));
        assertEquals(Status.LISTED, Rest.enumValue(Status.class, "status", " listed "));
        assertEquals(Status.PENDING_LISTING, Rest.enumValue(Status.class, "status", "pending-listing"));
        assertEquals(Status.PENDING_LISTING, Rest.enumValue(Status.class, "status", "Pending_Listing"));
    }

    @Test
    public void absentOrBlankIsNull() {
        assertNull(Rest.enumValue(Status.class, "status", null));
        assertNull(Rest.enumValue(Status.class, "status", "  "));
    }

    @Test
    public void anUnknownValueNamesTheFieldAndTheAllowedValuesInBothLanguages() {
        try {
            Rest.enumValue(Status.class, "status", "sold");
            fail("an unknown value is refused");
        } catch (ValidationException e) {
            assertEquals("invalid", e.code());
            assertEquals(Map.of("status", "unknown"), e.details());
            assertEquals("status must be one of draft, pending_listing, listed (got 'sold') / status 应为 draft、pending_listing、listed 之一",
                    e.getMessage());
        }
    }

    @Test
    public void aRequiredValueThatIsAbsentIsRefusedAsMissing() {
        assertEquals(Status.DRAFT, Rest.requiredEnum(Status.class, "status", "draft"));
        for (String absent : new String[] {null, ""}) {
            try {
                Rest.requiredEnum(Status.class, "status", absent);
                fail("an absent value is refused");
            } catch (ValidationException e) {
                assertEquals("invalid", e.code());
                assertEquals(Map.of("status", "missing"), e.details());
                assertTrue(e.getMessage(), e.getMessage().startsWith("status is required: one of draft, pending_listing, listed / "));
                assertTrue(e.getMessage(), e.getMessage().contains("必填"));
            }
        }
        try {
            Rest.requiredEnum(Status.class, "status", "sold");
            fail("an unknown value is refused");
        } catch (ValidationException e) {
            assertEquals(Map.of("status", "unknown"), e.details());
        }
    }
}
