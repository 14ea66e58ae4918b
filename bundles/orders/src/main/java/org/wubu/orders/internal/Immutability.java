package org.wubu.orders.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.wubu.orders.api.OrderService;
import org.wubu.platform.web.Rest;

/** The answer to any attempt to change or delete an order over HTTP: 405, and why (ORD-5), in Chinese and English. */
final class Immutability {

    static final String ZH = "订单一经创建即具有法律约束力，任何人都不能修改或删除订单数据（ORD-5）。如需更正，请追加一条更正记录："
            + "POST /api/orders/{id}/records，内容为 {\"kind\":\"AMENDMENT\",\"corrects\":<被更正的记录编号>,\"reason\":\"更正原因\"}。";
    static final String EN = "An order is legally binding once created: nobody may change or delete its data (ORD-5). To correct"
            + " something, append an amendment record: POST /api/orders/{id}/records with"
            + " {\"kind\":\"AMENDMENT\",\"corrects\":<id of the record it corrects>,\"reason\":\"why\"}.";

    private Immutability() {
    }

    static void refuse(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rule", "ORD-5");
        details.put("method", req.getMethod());
        details.put("zh", ZH);
        details.put("en", EN);
        details.put("correction", "POST /api/orders/{id}/records {\"kind\":\"AMENDMENT\",\"corrects\":<record id>,\"reason\":\"...\"}");
        resp.setHeader("Allow", "GET, POST");
        Rest.error(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, OrderService.IMMUTABLE, chinese(req) ? ZH : EN, details);
    }

    /** The caller's language: Chinese when the request prefers it (the console sends zh-CN), else English. */
    static boolean chinese(HttpServletRequest req) {
        String lang = req.getHeader("Accept-Language");
        return lang != null && lang.trim().toLowerCase(Locale.ROOT).startsWith("zh");
    }
}
