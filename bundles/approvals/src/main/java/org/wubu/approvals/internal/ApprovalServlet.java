package org.wubu.approvals.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.wubu.approvals.api.ApprovalDecision;
import org.wubu.approvals.api.ApprovalKind;
import org.wubu.approvals.api.ApprovalRequest;
import org.wubu.approvals.api.ApprovalService;
import org.wubu.approvals.api.ApprovalStep;
import org.wubu.approvals.api.Decision;
import org.wubu.platform.api.Caller;
import org.wubu.platform.api.NotFoundException;
import org.wubu.platform.api.ShopClock;
import org.wubu.platform.api.ValidationException;
import org.wubu.platform.web.Rest;

/**
 * The approvals REST API:
 * <ul>
 * <li>{@code GET /api/approvals/inbox}: requests waiting for the caller's decision, oldest first</li>
 * <li>{@code GET /api/approvals/mine?limit=50&before=}: the caller's requests, newest first, with {@code next}</li>
 * <li>{@code GET /api/approvals/overdue}: approved requests past their due time</li>
 * <li>{@code GET /api/approvals/kinds}: the kinds whose modules run, with their chains in force</li>
 * <li>{@code GET /api/approvals/{id}}: one request with its chain, decisions and the owning area's rendering
 *     in the caller's language ({@code Accept-Language} or {@code ?lang=}, zh-CN by default, or en)</li>
 * <li>{@code POST /api/approvals} {@code {"kind","subject","payload","summary"}}: submit (201)</li>
 * <li>{@code POST /api/approvals/{id}/decision} {@code {"decision":"approve"|"reject","comment","step"}}: decide</li>
 * </ul>
 */
@Component(service = Servlet.class, property = Rest.PERMISSION + "=" + Rest.AUTHENTICATED)
@HttpWhiteboardServletName("wubu-approvals")
@HttpWhiteboardServletPattern({"/approvals", "/approvals/*"})
@HttpWhiteboardContextSelect(Rest.CONTEXT_SELECT)
public class ApprovalServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 64 * 1024;
    private static final int DEFAULT_PAGE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient ApprovalService approvals;
    private final transient ShopClock clock;

    @Activate
    public ApprovalServlet(@Reference ApprovalService approvals, @Reference ShopClock clock) {
        this.approvals = approvals;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            Locale locale = locale(req);
            String path = path(req);
            switch (path) {
                case "" -> Rest.json(resp, 200, index(req));
                case "inbox" -> Rest.json(resp, 200, Map.of("items", items(approvals.inbox(caller), locale)));
                case "overdue" -> Rest.json(resp, 200, Map.of("items", items(approvals.overdue(caller), locale)));
                case "kinds" -> Rest.json(resp, 200, Map.of("items",
                        approvals.kinds().stream().map(k -> kind(k, locale)).toList()));
                case "mine" -> mine(req, resp, caller, locale);
                default -> {
                    long id = id(path);
                    ApprovalRequest r = approvals.get(caller, id);
                    Map<String, Object> body = detail(r, caller, locale);
                    body.put("rendered", approvals.render(caller, id, locale).orElse(null));
                    Rest.json(resp, 200, body);
                }
            }
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Rest.handle(resp, () -> {
            Caller caller = Rest.caller(req);
            Locale locale = locale(req);
            String path = path(req);
            if (path.isEmpty()) {
                JsonNode body = body(req);
                ApprovalRequest r = approvals.submit(caller, text(body, "kind"), text(body, "subject"),
                        payloadOf(body.get("payload")), text(body, "summary"));
                resp.setHeader("Location", req.getContextPath() + "/approvals/" + r.id());
                Rest.json(resp, 201, detail(r, caller, locale));
            } else if (path.endsWith("/decision") && path.indexOf('/') == path.length() - "/decision".length()) {
                long id = id(path.substring(0, path.indexOf('/')));
                JsonNode body = body(req);
                Decision decision = decisionOf(text(body, "decision"));
                String comment = text(body, "comment");
                JsonNode step = body.get("step");
                ApprovalRequest r;
                if (step == null || step.isNull()) {
                    r = approvals.decide(caller, id, decision, comment);
                } else if (step.canConvertToInt() && step.isIntegralNumber()) {
                    r = approvals.decide(caller, id, step.intValue(), decision, comment);
                } else {
                    throw new ValidationException("step must be the index of the step you decide (got " + step + ")",
                            Map.of("step", "not a number"));
                }
                Rest.json(resp, 200, detail(r, caller, locale));
            } else {
                throw new NotFoundException("approvals resource", "/" + path);
            }
        });
    }

    private void mine(HttpServletRequest req, HttpServletResponse resp, Caller caller, Locale locale) throws IOException {
        int limit = Rest.intParam(req, "limit", DEFAULT_PAGE, 1, ApprovalService.MAX_PAGE);
        Long before = Rest.longParam(req, "before");
        List<ApprovalRequest> page = approvals.mine(caller, before, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items(page, locale));
        body.put("next", page.size() < limit ? null
                : req.getContextPath() + "/approvals/mine?limit=" + limit + "&before=" + page.get(page.size() - 1).id());
        Rest.json(resp, 200, body);
    }

    private static Map<String, Object> index(HttpServletRequest req) {
        String base = req.getContextPath() + "/approvals";
        Map<String, Object> links = new LinkedHashMap<>();
        for (String p : List.of("inbox", "mine", "overdue", "kinds")) {
            links.put(p, base + "/" + p);
        }
        return links;
    }

    // ---- answers ------------------------------------------------------------------------------

    private List<Map<String, Object>> items(List<ApprovalRequest> requests, Locale locale) {
        Function<String, String> titles = titles(locale);
        return requests.stream().map(r -> summary(r, titles)).toList();
    }

    private Function<String, String> titles(Locale locale) {
        Map<String, String> byKind = approvals.kinds().stream()
                .collect(Collectors.toMap(ApprovalKind::id, k -> k.title(locale), (a, b) -> a));
        return kind -> byKind.getOrDefault(kind, kind);
    }

    private Map<String, Object> summary(ApprovalRequest r, Function<String, String> titles) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("kind", r.kind());
        m.put("kindTitle", titles.apply(r.kind()));
        m.put("subject", r.subject());
        m.put("summary", r.summary());
        m.put("requester", r.requester());
        m.put("createdAt", time(r.createdAt()));
        m.put("state", r.state().name());
        m.put("currentStep", r.pendingStep().isPresent() ? r.currentStep() : null);
        m.put("waitingFor", r.pendingStep().map(ApprovalStep::spec).orElse(null));
        m.put("dueAt", time(r.dueAt()));
        m.put("overdue", r.overdueAt(clock.now()));
        return m;
    }

    private Map<String, Object> detail(ApprovalRequest r, Caller caller, Locale locale) {
        Map<String, Object> m = summary(r, titles(locale));
        m.put("payload", payloadJson(r.payload()));
        m.put("allowSameDecider", r.allowSameDecider());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < r.chain().size(); i++) {
            ApprovalStep s = r.chain().get(i);
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("index", i);
            step.put("role", s.role());
            step.put("permission", s.permission());
            step.put("label", s.label(locale));
            step.put("current", r.pendingStep().isPresent() && r.currentStep() == i);
            step.put("decision", r.decisionOf(i).map(this::decision).orElse(null));
            steps.add(step);
        }
        m.put("steps", steps);
        m.put("approvedAt", time(r.approvedAt()));
        m.put("appliedAt", time(r.appliedAt()));
        m.put("applyError", r.applyError());
        m.put("mayDecide", DecisionRules.refusal(r, caller) == null);
        return m;
    }

    private Map<String, Object> decision(ApprovalDecision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decider", d.decider());
        m.put("decidedAt", time(d.decidedAt()));
        m.put("decision", d.decision().name().toLowerCase(Locale.ROOT));
        m.put("comment", d.comment());
        return m;
    }

    private static Map<String, Object> kind(ApprovalKind k, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("title", k.title(locale));
        m.put("chain", k.chain().stream().map(s -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("role", s.role());
            step.put("permission", s.permission());
            step.put("label", s.label(locale));
            return step;
        }).toList());
        m.put("deadline", k.deadline() == null ? null : k.deadline().toString());
        m.put("allowSameDecider", k.allowSameDecider());
        return m;
    }

    private String time(Instant i) {
        ZoneId zone = clock.zone();
        return i == null ? null : i.atZone(zone).toOffsetDateTime().toString();
    }

    /** The payload as JSON when it is JSON (the usual case), else as text. */
    private static Object payloadJson(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException notJson) {
            return payload;
        }
    }

    // ---- requests -----------------------------------------------------------------------------

    /** The part of the path after /approvals, without slashes at either end. */
    private static String path(HttpServletRequest req) {
        String p = req.getPathInfo();
        if (p == null) {
            return "";
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NotFoundException("approvals resource", "/" + text);
        }
    }

    static Locale locale(HttpServletRequest req) {
        String lang = Rest.param(req, "lang");
        String header = lang != null ? lang : req.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    if (tag.startsWith("en")) {
                        return Locale.ENGLISH;
                    }
                    if (tag.startsWith("zh")) {
                        return Locale.SIMPLIFIED_CHINESE;
                    }
                }
            } catch (IllegalArgumentException badHeader) {
                // fall back to the shop's language
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    private static JsonNode body(HttpServletRequest req) throws IOException {
        if (req.getContentLengthLong() > MAX_BODY) {
            throw new ValidationException("the request body is limited to " + MAX_BODY / 1024 + " KB");
        }
        byte[] bytes;
        try (InputStream in = req.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new ValidationException("the request body is limited to " + MAX_BODY / 1024 + " KB");
        }
        JsonNode node;
        try {
            node = bytes.length == 0 ? null : JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ValidationException("the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ValidationException("the request body must be a JSON object");
        }
        return node;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new ValidationException(field + " must be text", Map.of(field, "not text"));
        }
        return v.asText();
    }

    /** The payload may come as a JSON object (stored as compact JSON) or as a string. */
    private static String payloadOf(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    private static Decision decisionOf(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "approve":
                    return Decision.APPROVE;
                case "reject":
                    return Decision.REJECT;
                default:
                    break;
            }
        }
        throw new ValidationException("decision must be \"approve\" or \"reject\" (got " + (text == null ? "nothing" : "'" + text + "'") + ")",
                Map.of("decision", text == null ? "missing" : "unknown"));
    }
}
