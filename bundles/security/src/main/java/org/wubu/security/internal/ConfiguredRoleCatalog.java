package org.wubu.security.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.wubu.security.api.Level;
import org.wubu.security.api.RoleCatalog;
import org.wubu.security.api.RoleDefinition;

/**
 * The department's roles (REQUIREMENTS, "Roles") and their permissions. Each role's permissions can
 * be replaced in etc/org.wubu.security.roles.cfg ({@code role.planner = catalog.read, catalog.price.propose});
 * changes apply without a restart. Permissions are {@code <area>.<thing>.<verb>}; patterns
 * {@code catalog.*} and {@code *.read} are allowed.
 */
@Component(service = RoleCatalog.class, configurationPid = "org.wubu.security.roles")
public class ConfiguredRoleCatalog implements RoleCatalog {

    /** Always granted to a dba (SEC-1: also back up and restore; orders.seal: the daily order records, ORD-4). */
    static final Set<String> DBA_EXTRA = Set.of("backup.manage", "backup.read", "orders.verify", "orders.seal");
    /**
     * Granted to every editor and dba: deciding an approval step changes data, which a reader may
     * not; which steps a person decides still depends on their roles.
     */
    static final String DECIDE_APPROVALS = "approvals.decide";
    /** The role of order-source integrations (the storefront, marketplace importers): places orders (ORD). */
    static final String STOREFRONT = "storefront";

    private static final Map<String, RoleDefinition> DEFAULTS = defaults();

    private volatile Map<String, RoleDefinition> roles = DEFAULTS;

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        Map<String, RoleDefinition> configured = new LinkedHashMap<>(DEFAULTS);
        properties.forEach((key, value) -> {
            if (key.startsWith("role.")) {
                String name = key.substring(5);
                RoleDefinition base = DEFAULTS.get(name);
                Set<String> perms = Arrays.stream(String.valueOf(value).split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
                configured.put(name, new RoleDefinition(name, base == null ? name : base.english(),
                        base == null ? name : base.chinese(), perms));
            }
        });
        roles = configured;
    }

    @Override
    public List<RoleDefinition> roles() {
        return new ArrayList<>(roles.values());
    }

    @Override
    public Set<String> permissions(Set<String> roleNames, Level level, Set<String> areas) {
        Set<String> granted = new HashSet<>();
        for (String r : roleNames) {
            RoleDefinition def = roles.get(r);
            if (def != null) {
                granted.addAll(def.permissions());
            }
        }
        return cap(granted, level, areas);
    }

    /** What a level leaves of the granted permissions (SEC-1). */
    static Set<String> cap(Set<String> granted, Level level, Set<String> areas) {
        Set<String> out = new HashSet<>();
        for (String p : granted) {
            if (p.endsWith(".read")) {
                out.add(p);
            } else if (level != Level.READER && inScope(p, areas)) {
                out.add(p);
            }
        }
        if (level != Level.READER) {
            out.add(DECIDE_APPROVALS);
        }
        if (level == Level.DBA) {
            out.addAll(DBA_EXTRA);
        }
        return out;
    }

    private static boolean inScope(String permission, Set<String> areas) {
        // Uploading media serves every area (a product image, a page banner); what the file is used
        // for is checked by that area's own permission, so no account's scope lists "media".
        if (areas.contains("*") || permission.startsWith("media.")) {
            return true;
        }
        int dot = permission.indexOf('.');
        String area = dot < 0 ? permission : permission.substring(0, dot);
        return areas.contains(area);
    }

    private static Map<String, RoleDefinition> defaults() {
        Map<String, RoleDefinition> m = new LinkedHashMap<>();
        add(m, GM, "General manager", "总经理", "*.read", "audit.verify", "vault.change.approve", "security.permission.approve",
                "duty.manage");
        add(m, MARKETING_DIRECTOR, "Marketing director", "营销总监", "*.read", "catalog.price.approve", "catalog.listing.approve",
                "catalog.promotion.approve", "cms.revision.approve", "security.permission.approve");
        add(m, DEPARTMENT_LEAD, "Department lead", "部门主管", "*.read", "catalog.delisting.approve", "cms.revision.review",
                "cs.customer.confirm", "duty.manage");
        add(m, PLANNER, "E-commerce planner", "电商策划", "catalog.read", "catalog.price.propose", "catalog.listing.propose",
                "catalog.promotion.propose", "catalog.market.edit", "cms.read", "media.upload", "duty.read");
        add(m, DESIGNER, "Designer / copywriter", "美工/文案", "catalog.read", "catalog.product.edit", "cms.read", "cms.draft.edit",
                "cms.publish", "media.upload", "duty.read");
        add(m, CONTENT_SPECIALIST, "Content specialist", "网站维护专员", "catalog.read", "catalog.product.edit", "catalog.price.apply",
                "catalog.listing.propose", "catalog.delisting.propose", "catalog.promotion.apply", "catalog.stock.count",
                "cms.read", "cms.publish", "media.upload", "duty.read");
        add(m, CS_AGENT, "Customer service agent", "客服专员", "orders.read", "orders.confirm", "orders.note", "orders.return.request",
                "orders.exchange", "orders.gift", "cs.read", "cs.conversation.edit", "cs.feedback.edit", "catalog.read", "duty.read");
        add(m, CS_MANAGER, "Customer service manager", "客服主管", "orders.*", "cs.*", "catalog.read", "duty.read", "duty.manage");
        add(m, DELIVERY, "Delivery", "配送员", "orders.read", "orders.pack", "orders.ship", "orders.return.check", "duty.read");
        add(m, IT_ADMIN, "IT administrator", "系统管理员", "security.*", "audit.read", "audit.verify", "backup.read",
                "monitoring.*", "approvals.read", "orders.verify", "duty.read");
        add(m, PROCUREMENT, "Procurement specialist", "采购专员", "procurement.*", "catalog.read", "duty.read");
        add(m, COMMERCIAL_HEAD, "Commercial department head", "商务部主管", "procurement.read", "procurement.order.sign", "duty.read");
        add(m, ENGINEERING_LEAD, "Engineering lead", "工程部主管", "procurement.read", "procurement.order.sign",
                "procurement.delivery.inspect", "duty.read");
        add(m, EXECUTIVE_DIRECTOR, "Executive director", "执行董事", "*.read", "procurement.order.sign");
        add(m, FINANCE, "Finance", "财务", "finance.*", "orders.read", "procurement.read", "vault.read", "duty.read");
        add(m, WAREHOUSE, "Warehouse", "仓库", "catalog.read", "catalog.stock.count", "catalog.stock.move", "duty.read");
        // Not a person: the account of the storefront or a marketplace importer that places orders (an editor
        // with area "orders", using an API token). It places orders and reads the catalog, nothing else.
        add(m, STOREFRONT, "Storefront / order source", "商城前台/订单来源", "orders.create", "catalog.read");
        return m;
    }

    private static void add(Map<String, RoleDefinition> m, String name, String en, String zh, String... perms) {
        m.put(name, new RoleDefinition(name, en, zh, Set.of(perms)));
    }
}
