package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.approvals.api.ApprovalState;
import org.wubu.approvals.api.Decision;
import org.wubu.platform.api.Caller;

/**
 * The approval engine with its first kind, permission changes (SEC-2), on the real assembly:
 * the requester cannot approve their own request, the change applies only after the last of two
 * approvals, the grant is logged, and a decision taken while the owning bundle is stopped is
 * applied when it starts again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApprovalsIT extends WubuTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(), editConfigurationFilePut("etc/org.wubu.platform.cfg", "mode", "demo"));
    }

    @Before
    public void demoAccountsReady() {
        waitForDemoAccounts();
        waitForAnswer("the permission-change approval kind", "it", "/api/approvals/kinds", WAIT,
                r -> r.body().contains("security.permission-change"));
    }

    private static long submitRoleChange(String requester, String username, String role, String areas) {
        String payload = "{\\\"username\\\":\\\"" + username + "\\\",\\\"roles\\\":[\\\"" + role + "\\\"],\\\"level\\\":\\\"editor\\\","
                + "\\\"areas\\\":[" + areas + "],\\\"reason\\\":\\\"covers stock counts during the sale\\\"}";
        HttpResult created = http("POST", "/api/approvals", "{\"kind\":\"security.permission-change\",\"subject\":\"account:" + username
                + "\",\"summary\":\"" + username + " becomes " + role + "\",\"payload\":\"" + payload + "\"}", as(requester));
        assertEquals(created.toString(), 201, created.status());
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        assertTrue(created.body(), m.find());
        return Long.parseLong(m.group(1));
    }

    private static HttpResult decide(String user, long id, String decision) {
        return http("POST", "/api/approvals/" + id + "/decision", "{\"decision\":\"" + decision + "\",\"comment\":\"ok\"}", as(user));
    }

    @Test
    public void aTwoStepChainAppliesOnlyAfterTheSecondApprovalAndNeverByTheRequester() {
        long id = submitRoleChange("director", "warehouse", "content-specialist", "\\\"catalog\\\"");
        HttpResult own = decide("director", id, "approve");
        assertEquals("the requester never approves their own request: " + own, 409, own.status());
        assertTrue(own.body(), own.body().contains("own-request"));
        HttpResult notYet = decide("it", id, "approve");
        assertEquals("step 1 is the director's: " + notYet, 409, notYet.status());

        // A request by the department lead, decided by the director, then the IT administrator.
        long real = submitRoleChange("lead", "warehouse", "content-specialist", "\\\"catalog\\\"");
        assertEquals(200, decide("director", real, "approve").status());
        HttpResult account = http("GET", "/api/security/accounts/warehouse", null, as("it"));
        assertTrue("nothing changes after the first approval: " + account.body(), account.body().contains("\"roles\":[\"warehouse\"]"));
        HttpResult done = decide("it", real, "approve");
        assertEquals(done.toString(), 200, done.status());
        waitForState(real, ApprovalState.APPLIED);
        account = http("GET", "/api/security/accounts/warehouse", null, as("it"));
        assertTrue("applied after the second approval: " + account.body(), account.body().contains("\"roles\":[\"content-specialist\"]"));
        HttpResult grants = http("GET", "/api/audit?subject=account:warehouse&action=security.grant", null, as("it"));
        assertTrue(grants.body(), grants.body().contains("approved by director, it"));
    }

    @Test
    public void aDecisionTakenWhileTheOwningBundleIsStoppedIsAppliedWhenItStarts() throws Exception {
        long id = submitRoleChange("lead", "delivery", "warehouse", "\\\"catalog\\\"");
        assertEquals(200, decide("director", id, "approve").status());
        Bundle security = null;
        for (Bundle b : bundleContext.getBundles()) {
            if ("org.wubu.security".equals(b.getSymbolicName())) {
                security = b;
            }
        }
        security.stop();
        try {
            ApprovalService approvals = waitForService(ApprovalService.class, null, WAIT);
            Caller it = new Caller("it", Set.of("it-admin"), Set.of(ApprovalService.DECIDE));
            ApprovalRequest approved = approvals.decide(it, id, Decision.APPROVE, "while security is down");
            assertEquals("kept, waiting for its module", ApprovalState.APPROVED, approved.state());
        } finally {
            security.start();
        }
        waitForState(id, ApprovalState.APPLIED);
        HttpResult account = waitForHttp200As("it", "/api/security/accounts/delivery", WAIT);
        assertTrue(account.body(), account.body().contains("\"roles\":[\"warehouse\"]"));
    }

    private void waitForState(long id, ApprovalState state) {
        ApprovalService approvals = waitForService(ApprovalService.class, null, WAIT);
        Caller reader = new Caller("itest", Set.of(), Set.of(ApprovalService.READ_ALL));
        ApprovalRequest r = waitFor("request " + id + " to be " + state, WAIT, () -> approvals.get(reader, id),
                x -> x.state() == state);
        assertEquals("request " + id + ": " + r.applyError(), state, r.state());
    }
}
