package org.wubu.roster.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.testsupport.ServletCall;

/** The REST answers: 201, 400 naming fields, 403, 404, 409 naming the clash, the on-duty query. */
public class RosterServletTest {

    @Rule
    public final RosterFixture f = new RosterFixture();
    private RosterServlet servlet;

    @Before
    public void setUp() {
        servlet = new RosterServlet(f.roster, f.clock);
    }

    private static final String SHIFT = "{\"username\":\"csmanager\",\"role\":\"cs-manager\",\"start\":\"2026-11-27T08:30:00+08:00\","
            + "\"end\":\"2026-11-27T21:00:00+08:00\"}";

    @Test
    public void assignListOnDutyAndRefusals() throws Exception {
        ServletCall.Answer created = ServletCall.call(servlet, "POST", "/shifts", RosterFixture.MANAGER, SHIFT, null);
        assertEquals(created.text(), 201, created.status());
        assertTrue(created.text(), created.text().contains("\"start\":\"2026-11-27T08:30+08:00\""));

        ServletCall.Answer clash = ServletCall.call(servlet, "POST", "/shifts", RosterFixture.MANAGER, SHIFT, null);
        assertEquals(clash.text(), 409, clash.status());
        assertTrue(clash.text(), clash.text().contains("\"error\":\"shift-overlap\""));

        ServletCall.Answer refused = ServletCall.call(servlet, "POST", "/shifts", RosterFixture.PLANNER, SHIFT, null);
        assertEquals(403, refused.status());

        ServletCall.Answer bad = ServletCall.call(servlet, "POST", "/shifts", RosterFixture.MANAGER,
                "{\"username\":\"agent\",\"role\":\"cs-agent\",\"start\":\"tomorrow\",\"end\":\"2026-11-27T21:00:00+08:00\"}", null);
        assertEquals(bad.text(), 400, bad.status());
        assertTrue(bad.text(), bad.text().contains("\"start\""));

        ServletCall.Answer onDuty = ServletCall.call(servlet, "GET", "/on-duty?role=cs-manager", RosterFixture.PLANNER, null, null);
        assertEquals(200, onDuty.status());
        assertTrue(onDuty.text(), onDuty.text().contains("\"usernames\":[\"csmanager\"]"));

        ServletCall.Answer week = ServletCall.call(servlet, "GET", "/shifts?from=2026-11-23&to=2026-11-29", RosterFixture.PLANNER, null, null);
        assertEquals(200, week.status());
        assertTrue(week.text(), week.text().contains("\"username\":\"csmanager\""));

        ServletCall.Answer now = ServletCall.call(servlet, "GET", "/now", RosterFixture.PLANNER, null, null);
        assertTrue(now.text(), now.text().contains("\"onlineServiceOpen\":true"));

        ServletCall.Answer noReason = ServletCall.call(servlet, "DELETE", "/shifts/1", RosterFixture.MANAGER, null, null);
        assertEquals(noReason.text(), 400, noReason.status());
        ServletCall.Answer unknown = ServletCall.call(servlet, "DELETE", "/shifts/999?reason=x", RosterFixture.MANAGER, null, null);
        assertEquals(404, unknown.status());
        ServletCall.Answer removed = ServletCall.call(servlet, "DELETE", "/shifts/1?reason=sick", RosterFixture.MANAGER, null, null);
        assertEquals(removed.text(), 200, removed.status());
        ServletCall.Answer badDay = ServletCall.call(servlet, "GET", "/shifts?from=monday", RosterFixture.PLANNER, null, null);
        assertEquals(400, badDay.status());
    }
}
