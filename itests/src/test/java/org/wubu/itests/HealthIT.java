package org.wubu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The distribution boots, its shell and HTTP answer, and the health endpoint says UP. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HealthIT extends WubuTestSupport {

    @Test
    public void platformFeatureIsInstalledAndHttpIsReachable() {
        String features = executeCommand("feature:list -i");
        assertTrue("feature:list -i should list wubu-platform, got:\n" + features,
                features.contains("wubu-platform"));

        String bundles = executeCommand("bundle:list -t 0 --no-format");
        assertTrue("bundle:list should show the platform API bundle, got:\n" + bundles,
                bundles.contains("org.wubu.platform.api") || bundles.contains("Platform API"));

        // Any answer from Pax Web (404 included) proves HTTP is up on the chosen port.
        HttpResult answer = waitForHttpReachable("/", Duration.ofSeconds(30));
        assertTrue("HTTP should answer, got " + answer, answer.status() > 0);
    }

    @Test
    public void healthEndpointAnswersUp() {
        HttpResult health = waitForHttp200("/api/health", Duration.ofSeconds(60));
        assertEquals(200, health.status());
        assertTrue("Content-Type should be application/json, got " + health.contentType(),
                health.contentType() != null && health.contentType().startsWith("application/json"));
        assertEquals("health should be UP (every Wubu bundle active, fragments attached), got " + health.body(),
                "UP", healthStatus(health.body()));
        assertTrue("the Derby fragment is listed as an attached fragment: " + health.body(),
                health.body().contains("\"org.wubu.derby.imports\":\"RESOLVED (fragment)"));
    }
}
