package org.wubu.console.internal;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContext;
import org.wubu.console.api.ConsolePage;

/**
 * The servlet context of the staff web console ({@code /console/*}). Bundle-scoped, so that each
 * bundle that serves pages here (whiteboard resources, servlets) reads files from its own jar.
 *
 * <p>Pages and scripts are public: everything they show comes from {@code /api}, which
 * authenticates every call. The context only adds headers that keep the pages to the shop's own
 * server (no foreign scripts, styles, frames or connections).
 */
@Component(service = ServletContextHelper.class, scope = ServiceScope.BUNDLE)
@HttpWhiteboardContext(name = ConsolePage.CONTEXT_NAME, path = ConsolePage.CONSOLE_PATH)
public class ConsoleContext extends ServletContextHelper {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none';"
            + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /** One instance per bundle that uses the context, reading files from that bundle. */
    @Activate
    public ConsoleContext(ComponentContext context) {
        super(context.getUsingBundle() != null ? context.getUsingBundle() : context.getBundleContext().getBundle());
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        return true;
    }
}
