package org.wubu.orders.internal;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.wubu.orders.api.OrderService;
import org.wubu.orders.api.OrderVerifier;
import org.wubu.platform.api.Caller;
import org.wubu.platform.web.Rest;

/**
 * {@code GET /api/orders/verify} (orders.verify): both hash chains recomputed,
 * {@code {"intact","records","orders","recordId","orderId","sequence","problem","summary"}}.
 * Its own servlet, so that its permission is declared exactly; the exact pattern wins over {@code /orders/*}.
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + OrderService.VERIFY)
@HttpWhiteboardServletName("wubu-orders-verify")
@HttpWhiteboardServletPattern("/orders/verify")
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class OrderVerifyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient OrderVerifier verifier;

    @Activate
    public OrderVerifyServlet(@Reference OrderVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String method = req.getMethod();
        if (method.equals("PUT") || method.equals("PATCH") || method.equals("DELETE")) {
            Immutability.refuse(req, resp);
            return;
        }
        super.service(req, resp);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            caller.require(OrderService.VERIFY);
            Rest.json(resp, 200, OrderJson.report(verifier.verify(caller)));
        });
    }
}
