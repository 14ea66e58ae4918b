package org.wubu.security.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.wubu.testsupport.ServletCall;

/** The accounts' REST intake: a new account's level is required and is reader, editor or dba. */
public class SecurityServletTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRAFT = "{\"username\":\"newbie\",\"displayName\":\"新同事\",\"roles\":[\"planner\"],"
            + "\"areas\":[\"catalog\"],\"password\":\"Demo-pass-2026\"";

    @Rule
    public final SecurityFixture f = new SecurityFixture();

    @Test
    public void aNewAccountsLevelIsRequiredAndIsReaderEditorOrDba() throws Exception {
        ConfiguredRoleCatalog roles = new ConfiguredRoleCatalog();
        roles.configure(Map.of());
        SecurityServlet servlet = new SecurityServlet(f.accounts, roles, f.clock());

        ServletCall.Answer missing = ServletCall.call(servlet, "POST", "/accounts", f.it, DRAFT + "}", null);
        assertEquals(missing.toString(), 400, missing.status());
        JsonNode missingJson = JSON.readTree(missing.text());
        assertEquals("invalid", missingJson.path("error").asText());
        assertEquals("missing", missingJson.path("details").path("level").asText());

        ServletCall.Answer unknown = ServletCall.call(servlet, "POST", "/accounts", f.it, DRAFT + ",\"level\":\"boss\"}", null);
        assertEquals(unknown.toString(), 400, unknown.status());
        JsonNode unknownJson = JSON.readTree(unknown.text());
        assertEquals("invalid", unknownJson.path("error").asText());
        assertEquals("unknown", unknownJson.path("details").path("level").asText());
        assertTrue(unknown.text(), unknownJson.path("message").asText().startsWith("level must be one of reader, editor, dba (got 'boss')"));

        ServletCall.Answer created = ServletCall.call(servlet, "POST", "/accounts", f.it, DRAFT + ",\"level\":\" Editor \"}", null);
        assertEquals(created.toString(), 201, created.status());
        assertEquals("editor", JSON.readTree(created.text()).path("level").asText());
    }
}
