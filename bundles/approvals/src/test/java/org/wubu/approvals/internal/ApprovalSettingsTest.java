package org.wubu.approvals.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;
import org.wubu.approvals.api.ApprovalKind;
import org.wubu.approvals.api.ApprovalStep;

/** Parsing etc/org.wubu.approvals.cfg: per-kind chains, four-eyes waivers and deadlines. */
public class ApprovalSettingsTest {

    private static final ApprovalKind PUBLISH = new ApprovalKind("content.publish", "Publish a page", "发布页面",
            List.of(ApprovalStep.role("content-specialist", "Content specialist", "内容专员")), Duration.ofHours(48));

    @Test
    public void chainsAcceptCommasAndArrays() {
        assertEquals(List.of("role:gm", "permission:cms.publish"),
                specs(ApprovalSettings.parseChain(" role:gm ,permission:cms.publish ")));
        assertEquals(List.of("role:gm", "permission:cms.publish", "role:legal"),
                specs(ApprovalSettings.parseChain(new String[] {"role:gm", "permission:cms.publish, role:legal"})));
        assertThrows(IllegalArgumentException.class, () -> ApprovalSettings.parseChain(" , "));
        assertThrows(IllegalArgumentException.class, () -> ApprovalSettings.parseStep("gm"));
        assertThrows(IllegalArgumentException.class, () -> ApprovalSettings.parseStep("group:gm"));
        assertThrows(IllegalArgumentException.class, () -> ApprovalSettings.parseStep("role:"));
    }

    @Test
    public void deadlinesInShortOrIsoForm() {
        assertEquals(Optional.of(Duration.ofHours(48)), ApprovalSettings.parseDeadline("48h"));
        assertEquals(Optional.of(Duration.ofDays(2)), ApprovalSettings.parseDeadline("2d"));
        assertEquals(Optional.of(Duration.ofMinutes(30)), ApprovalSettings.parseDeadline("30m"));
        assertEquals(Optional.of(Duration.ofHours(36)), ApprovalSettings.parseDeadline("PT36H"));
        assertEquals(Optional.empty(), ApprovalSettings.parseDeadline("none"));
        assertThrows(IllegalArgumentException.class, () -> ApprovalSettings.parseDeadline("soon"));
        assertThrows(IllegalArgumentException.class, () -> ApprovalSettings.parseDeadline("0h"));
    }

    @Test
    public void overridesApplyPerKindAndBadEntriesKeepTheDefault() {
        ApprovalSettings s = ApprovalSettings.of(5, Map.of(
                "chain.content.publish", "role:content-specialist, role:marketing-director",
                "allowSameDecider.content.publish", Boolean.TRUE,
                "deadline.content.publish", "none",
                "chain.catalog.price-change", "nobody-knows",
                "allowSameDecider.catalog.price-change", "maybe",
                "service.pid", "org.wubu.approvals"));
        ApprovalKind k = s.effective(PUBLISH);
        assertEquals(List.of("role:content-specialist", "role:marketing-director"), specs(k.chain()));
        assertEquals("内容专员", k.chain().get(0).labelZh());
        assertTrue(k.allowSameDecider());
        assertNull(k.deadline());
        assertEquals(2, s.problems().size());

        ApprovalKind untouched = ApprovalSettings.defaults().effective(PUBLISH);
        assertEquals(PUBLISH, untouched);
        assertFalse(untouched.allowSameDecider());
    }

    @Test
    public void retriesBackOffUpToSixHours() {
        ApprovalSettings s = ApprovalSettings.of(5, Map.of());
        assertEquals(Duration.ofMinutes(5), s.retryAfter(1));
        assertEquals(Duration.ofMinutes(10), s.retryAfter(2));
        assertEquals(Duration.ofMinutes(40), s.retryAfter(4));
        assertEquals(Duration.ofHours(6), s.retryAfter(30));
    }

    @Test
    public void permissionPatternsBecomeLikePatterns() {
        assertNull(ApprovalEngine.likePattern("catalog.price.approve"));
        assertEquals("catalog.%", ApprovalEngine.likePattern("catalog.*"));
        assertEquals("%.read", ApprovalEngine.likePattern("*.read"));
        assertEquals("cs!_x.%", ApprovalEngine.likePattern("cs_x.*"));
    }

    private static List<String> specs(List<ApprovalStep> steps) {
        return steps.stream().map(ApprovalStep::spec).toList();
    }
}
