package org.wubu.approvals.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wubu.approvals.api.ApprovalHandler;
import org.wubu.approvals.api.ApprovalKind;

/**
 * The handlers registered now, by kind. When two serve the same kind, the one with the highest
 * service ranking (then the oldest) wins, as OSGi does for a single reference.
 */
final class HandlerRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerRegistry.class);

    /** A registered handler with the kind it declared when bound. */
    record Bound(ApprovalHandler handler, ApprovalKind kind, int ranking, long serviceId) {
    }

    private static final Comparator<Bound> PREFERRED = Comparator.comparingInt(Bound::ranking).reversed()
            .thenComparingLong(Bound::serviceId);

    private final Map<ApprovalHandler, Bound> bound = new IdentityHashMap<>();

    /** Adds a handler; answers its kind id, or null when it is unusable (logged). */
    String bind(ApprovalHandler handler, Map<String, ?> properties) {
        ApprovalKind kind;
        try {
            kind = handler.kind();
        } catch (RuntimeException e) {
            LOG.error("Approval handler {} does not say which kind it handles; ignored: {}", handler, e.getMessage(), e);
            return null;
        }
        if (kind == null) {
            LOG.error("Approval handler {} declares no kind; ignored", handler);
            return null;
        }
        Object declared = properties.get(ApprovalHandler.KIND);
        if (declared == null) {
            LOG.warn("Approval handler for {} has no service property {}={}; add it so that tools can filter on it",
                    kind.id(), ApprovalHandler.KIND, kind.id());
        } else if (!kind.id().equals(String.valueOf(declared))) {
            LOG.error("Approval handler {} is registered with {}={} but handles {}; ignored", handler,
                    ApprovalHandler.KIND, declared, kind.id());
            return null;
        }
        Bound b = new Bound(handler, kind, number(properties.get(Constants.SERVICE_RANKING)).intValue(),
                number(properties.get(Constants.SERVICE_ID)).longValue());
        synchronized (this) {
            bound.put(handler, b);
        }
        LOG.info("Approvals of kind {} are handled by {}", kind.id(), handler.getClass().getName());
        return kind.id();
    }

    synchronized void unbind(ApprovalHandler handler) {
        Bound b = bound.remove(handler);
        if (b != null) {
            LOG.info("Approval handler of kind {} left; approved requests of that kind wait for it", b.kind().id());
        }
    }

    synchronized Optional<Bound> get(String kind) {
        return bound.values().stream().filter(b -> b.kind().id().equals(kind)).min(PREFERRED);
    }

    /** One entry per kind handled now: the preferred handler. */
    synchronized List<Bound> current() {
        List<Bound> result = new ArrayList<>();
        bound.values().stream().sorted(PREFERRED).forEach(b -> {
            if (result.stream().noneMatch(r -> r.kind().id().equals(b.kind().id()))) {
                result.add(b);
            }
        });
        result.sort(Comparator.comparing(b -> b.kind().id()));
        return result;
    }

    private static Number number(Object o) {
        return o instanceof Number n ? n : 0;
    }
}
