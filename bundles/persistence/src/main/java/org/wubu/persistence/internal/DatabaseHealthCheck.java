package org.wubu.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.wubu.platform.api.health.HealthCheck;
import org.wubu.platform.api.health.HealthResult;

/** Health check {@code database}: can a connection be opened and used within two seconds. */
@Component(service = HealthCheck.class, property = HealthCheck.CRITICAL + ":Boolean=true")
public class DatabaseHealthCheck implements HealthCheck {

    private final DataSource dataSource;

    @Activate
    public DatabaseHealthCheck(@Reference(target = "(osgi.jndi.service.name=wubu)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthResult check() {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) {
                return HealthResult.down("the database did not answer within 2 s", Map.of());
            }
            DatabaseMetaData md = c.getMetaData();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("product", md.getDatabaseProductName() + " " + md.getDatabaseProductVersion());
            details.put("url", withoutAttributes(md.getURL()));
            details.put("responseMs", (System.nanoTime() - start) / 1_000_000);
            return HealthResult.up(details);
        } catch (SQLException | RuntimeException e) {
            return HealthResult.down("the database is not reachable: " + e.getMessage(), Map.of());
        }
    }

    /** Drops URL attributes and user info so that no credential reaches a monitoring system. */
    static String withoutAttributes(String url) {
        if (url == null) {
            return "";
        }
        String s = url.replaceAll("//[^/@]*@", "//");
        int semi = s.indexOf(';');
        int q = s.indexOf('?');
        int cut = semi < 0 ? q : (q < 0 ? semi : Math.min(semi, q));
        return cut < 0 ? s : s.substring(0, cut);
    }
}
